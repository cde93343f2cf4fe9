// socket_create / socket_create_pair: argument validation, socket() failures,
// the global last error, new Socket(), pair round trips. Twin of create.php.
// Not covered: $type above 10. PHP 8.2 rejects it with a message that PHP 8.4
// extended (SOCK_NONBLOCK/SOCK_CLOEXEC flags); the library deliberately follows 8.4.
import {
  AddressInfo,
  AF_INET,
  AF_INET6,
  AF_UNIX,
  SOCK_DGRAM,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  Socket,
  socket_clear_error,
  socket_close,
  socket_create,
  socket_create_pair,
  socket_last_error,
  socket_read,
  socket_recv,
  socket_send,
  socket_set_nonblock,
  socket_write,
  SOL_TCP,
  SOL_UDP,
} from "../../mod.ts";
import { allBytes, attempt, checksum, ref, section, show } from "./_dump.ts";

type Ctor = new() => unknown;

section("socket_create validation (ValueError, no error code stored)");
attempt("domain 99", () => socket_create(99, SOCK_STREAM, 0));
attempt("domain -1", () => socket_create(-1, SOCK_STREAM, 0));
attempt("domain 0", () => socket_create(0, SOCK_STREAM, 0));
attempt("domain 99 and type 11", () => socket_create(99, 11, 0));
show("socket_last_error()", socket_last_error());

section("socket() failures (warning, global error only)");
attempt("AF_INET SOCK_STREAM protocol 99", () => socket_create(AF_INET, SOCK_STREAM, 99));
show("socket_last_error()", socket_last_error());
attempt("AF_UNIX SOCK_DGRAM SOL_UDP", () => socket_create(AF_UNIX, SOCK_DGRAM, SOL_UDP));
show("socket_last_error()", socket_last_error());
attempt("AF_INET type -1", () => socket_create(AF_INET, -1, 0));
show("socket_last_error()", socket_last_error());
attempt("AF_INET SOCK_STREAM SOL_UDP", () => socket_create(AF_INET, SOCK_STREAM, SOL_UDP));
show("socket_last_error()", socket_last_error());

section("success does not reset the global error");
const s = attempt("AF_INET SOCK_STREAM 0", () => socket_create(AF_INET, SOCK_STREAM, 0)) as Socket;
show("instanceof Socket", s instanceof Socket);
show("socket_last_error($s)", socket_last_error(s));
show("socket_last_error()", socket_last_error());
socket_clear_error();
show("socket_last_error() after clear", socket_last_error());
attempt("AF_INET SOCK_STREAM SOL_TCP", () => socket_create(AF_INET, SOCK_STREAM, SOL_TCP));
attempt("AF_INET SOCK_DGRAM SOL_UDP", () => socket_create(AF_INET, SOCK_DGRAM, SOL_UDP));
attempt("AF_INET6 SOCK_STREAM 0", () => socket_create(AF_INET6, SOCK_STREAM, 0));
attempt("AF_INET6 SOCK_DGRAM 0", () => socket_create(AF_INET6, SOCK_DGRAM, 0));
attempt("AF_UNIX SOCK_STREAM 0", () => socket_create(AF_UNIX, SOCK_STREAM, 0));
attempt("AF_UNIX SOCK_DGRAM 0", () => socket_create(AF_UNIX, SOCK_DGRAM, 0));
attempt("AF_UNIX SOCK_SEQPACKET 0", () => socket_create(AF_UNIX, SOCK_SEQPACKET, 0));
const a = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
const b = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("two sockets are distinct", a !== b);
socket_close(a);
socket_close(b);
socket_close(s);

section("Socket and AddressInfo cannot be constructed");
attempt("new Socket()", () => new (Socket as unknown as Ctor)());
attempt("new AddressInfo()", () => new (AddressInfo as unknown as Ctor)());

section("socket_create_pair validation");
let pair: unknown[] = ["keep"];
attempt("domain 99", () => socket_create_pair(99, SOCK_STREAM, 0, pair));
show("pair", pair);
show("socket_last_error()", socket_last_error());

section("socketpair() failures");
attempt("AF_INET SOCK_STREAM", () => socket_create_pair(AF_INET, SOCK_STREAM, 0, pair));
show("pair", pair);
show("socket_last_error()", socket_last_error());
attempt("AF_INET6 SOCK_DGRAM", () => socket_create_pair(AF_INET6, SOCK_DGRAM, 0, pair));
attempt(
  "AF_UNIX SOCK_STREAM protocol 99",
  () => socket_create_pair(AF_UNIX, SOCK_STREAM, 99, pair),
);
show("socket_last_error()", socket_last_error());
show("pair", pair);
socket_clear_error();

section("socket_create_pair AF_UNIX SOCK_STREAM");
pair = ["old", "content", "more"];
attempt("socket_create_pair", () => socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair));
show("pair", pair);
show("socket_last_error()", socket_last_error());
const [x, y] = pair as Socket[];
show("write x", socket_write(x, "ping\x00\xff\r\n"));
show("read y", socket_read(y, 100));
show("write y", socket_write(y, allBytes()));
let got = "";
while (got.length < 256) {
  const chunk = socket_read(x, 1000);
  if (chunk === false || chunk === "") break;
  got += chunk;
}
show("read x", checksum(got));
show("same bytes", got === allBytes());
socket_close(x);
show("read y after x closed", socket_read(y, 100));
socket_close(y);

section("socket_create_pair AF_UNIX SOCK_DGRAM keeps datagram boundaries");
pair = [];
attempt("socket_create_pair", () => socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, pair));
show("pair", pair);
const [d0, d1] = pair as Socket[];
show("write \"one\"", socket_write(d0, "one"));
show("write \"second\"", socket_write(d0, "second"));
show("write \"\"", socket_write(d0, ""));
show("read 100", socket_read(d1, 100));
show("read 3 of \"second\"", socket_read(d1, 3));
socket_set_nonblock(d1);
show("read empty datagram", socket_read(d1, 100));
show("nothing left", socket_read(d1, 100));
show("socket_last_error($pair[1])", socket_last_error(d1));
socket_clear_error();
socket_close(d0);
socket_close(d1);

section("socket_create_pair AF_UNIX SOCK_SEQPACKET");
pair = [];
attempt("socket_create_pair", () => socket_create_pair(AF_UNIX, SOCK_SEQPACKET, 0, pair));
const [q0, q1] = pair as Socket[];
show("send", socket_send(q1, "abc\x00def", 7, 0));
const buf = ref("keep");
show("recv", socket_recv(q0, buf, 100, 0));
show("data", buf.value);
socket_close(q0);
socket_close(q1);
