// Failing system calls: warnings with PHP's texts, false, per-socket and
// global error codes; argument errors that throw instead. Twin of errors.php.
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  PHP_NORMAL_READ,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_connect,
  socket_create,
  socket_create_pair,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_send,
  socket_set_block,
  socket_set_nonblock,
  socket_shutdown,
  socket_write,
} from "../../mod.ts";
import { attempt, makeTempDir, ref, removeTempDir, section, show } from "./_dump.ts";

function codes(label: string, s: Socket | null): void {
  console.log(
    `${label}: socket ${s === null ? "-" : socket_last_error(s)}, global ${socket_last_error()}`,
  );
}

const addr = ref();
const port = ref();

section("bind: address in use");
const a = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("bind first", socket_bind(a, "127.0.0.1", 0));
socket_getsockname(a, addr, port);
const b = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("bind second to the same port", socket_bind(b, "127.0.0.1", port.value as number));
codes("codes", b);
codes("first socket untouched", a);

section("connect: refused (bound, not listening)");
const c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("connect", socket_connect(c, "127.0.0.1", port.value as number));
codes("codes", c);
show("a later success does not reset", socket_bind(c, "127.0.0.1", 0));
codes("codes", c);
socket_clear_error(c);
codes("after socket_clear_error($c)", c);
socket_clear_error();
codes("after socket_clear_error()", c);
socket_close(c);
socket_close(b);
socket_close(a);

section("connect/sendto port cannot be null; bind port defaults to 0");
const s4 = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
const s6 = socket_create(AF_INET6, SOCK_STREAM, 0) as Socket;
attempt("connect AF_INET without port", () => socket_connect(s4, "127.0.0.1"));
attempt("connect AF_INET port null", () => socket_connect(s4, "127.0.0.1", null));
attempt("connect AF_INET6 without port", () => socket_connect(s6, "::1"));
show("bind AF_INET without port", socket_bind(s4, "127.0.0.1"));
show("bind AF_INET6 without port", socket_bind(s6, "::1"));
socket_getsockname(s4, addr, port);
show("AF_INET port > 0", (port.value as number) > 0);
socket_getsockname(s6, addr, port);
show("AF_INET6 port > 0", (port.value as number) > 0);
show("bind again", socket_bind(s4, "127.0.0.1", 0));
codes("codes", s4);
socket_close(s4);
socket_close(s6);
socket_clear_error();

section("AF_UNIX path length");
const dir = makeTempDir();
let u = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
attempt("bind 108 bytes", () => socket_bind(u, "a".repeat(108)));
attempt("bind 200 bytes", () => socket_bind(u, "a".repeat(200)));
attempt("connect 108 bytes", () => socket_connect(u, "a".repeat(108)));
attempt("connect 108 bytes with port", () => socket_connect(u, "a".repeat(108), 1));
const p107 = dir + "/" + "x".repeat(107 - dir.length - 1);
show("bind 107 bytes", socket_bind(u, p107));
addr.value = null;
socket_getsockname(u, addr);
show("getsockname length", (addr.value as string).length);
show("same path", addr.value === p107);
codes("codes", u);
socket_close(u);
u = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
show("connect to a missing path", socket_connect(u, `${dir}/missing.sock`));
codes("codes", u);
show("bind in a missing directory", socket_bind(u, `${dir}/no/such.sock`));
codes("codes", u);
show("bind to an existing path", socket_bind(u, p107));
codes("codes", u);
show(
  "listen unbound AF_UNIX stream",
  socket_listen(socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket),
);
codes("codes", null);
socket_close(u);
removeTempDir(dir);
socket_clear_error();

section("listen / accept");
const udp = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
show("listen on UDP", socket_listen(udp, 1));
codes("codes", udp);
let t = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_clear_error();
show("accept on a non-listening socket", socket_accept(t));
codes("codes (listener untouched)", t);
socket_close(t);
socket_close(udp);
socket_clear_error();

section("shutdown");
let pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
show("shutdown mode 5", socket_shutdown(pair[0], 5));
codes("codes", pair[0]);
show("shutdown mode -1", socket_shutdown(pair[0], -1));
show("shutdown mode 0", socket_shutdown(pair[0], 0));
show("shutdown mode 1", socket_shutdown(pair[0], 1));
show("read on peer after SHUT_WR", socket_read(pair[1], 10));
show("write after SHUT_WR", socket_write(pair[0], "x"));
codes("codes", pair[0]);
socket_close(pair[0]);
socket_close(pair[1]);
t = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("shutdown unconnected", socket_shutdown(t));
codes("codes", t);
socket_close(t);
socket_clear_error();

section("read / write failures");
const srv = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_bind(srv, "127.0.0.1", 0);
socket_listen(srv);
show("read on a listening socket", socket_read(srv, 10));
codes("codes", srv);
show("read on a listening socket, normal mode", socket_read(srv, 10, PHP_NORMAL_READ));
u = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
show("write on unconnected UDP", socket_write(u, "x"));
codes("codes", u);
show("write empty string on unconnected UDP", socket_write(u, ""));
socket_close(u);
t = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("write on unconnected TCP (EPIPE, no SIGPIPE death)", socket_write(t, "x"));
codes("codes", t);
show("still alive", true);
socket_close(t);
socket_close(srv);
socket_clear_error();

section("write to a peer that has gone");
pair = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
socket_close(pair[1]);
show("write", socket_write(pair[0], "x"));
codes("codes", pair[0]);
show("send", socket_send(pair[0], "x", 1, 0));
show("read", socket_read(pair[0], 10));
socket_close(pair[0]);
show("still alive", true);

section("set_block / set_nonblock");
t = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("socket_set_nonblock", socket_set_nonblock(t));
show("socket_set_nonblock again", socket_set_nonblock(t));
show("socket_set_block", socket_set_block(t));
show("socket_set_block again", socket_set_block(t));
codes("codes", t);
socket_close(t);
