// socket_recvmsg: argument checks, PHP's conversion of the input array
// (name, buffer_size, controllen), the failure paths, and exactly what it
// writes back (name per family, control, iov, flags with MSG_TRUNC and
// MSG_CTRUNC). Twin of msg_recv.php.
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  MSG_DONTWAIT,
  MSG_PEEK,
  MSG_TRUNC,
  type RecvMessage,
  SO_PASSCRED,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_create,
  socket_create_pair,
  socket_getsockname,
  socket_last_error,
  socket_recvmsg,
  socket_send,
  socket_sendto,
  socket_set_option,
  socket_shutdown,
  socket_write,
  SOL_SOCKET,
} from "../../mod.ts";
import { allBytes, attempt, makeTempDir, ref, rel, removeTempDir, section, show } from "./_dump.ts";

// deno-lint-ignore no-explicit-any
const recvmsg = socket_recvmsg as (...args: any[]) => unknown;
/** A message as PHP would accept it, malformed ones included. */
const m = (message: unknown): RecvMessage => message as RecvMessage;

function portOf(s: Socket): number {
  const a = ref();
  const p = ref();
  socket_getsockname(s, a, p);
  return p.value as number;
}

/** The message with the sender's port (which varies) replaced by a marker. */
function tidy(message: RecvMessage, port: number): unknown {
  const name = message.name;
  if (name && name.port === port) return { ...message, name: { ...name, port: "sender port" } };
  return message;
}

function recvCase(
  label: string,
  socket: Socket,
  message: RecvMessage,
  flags: number,
  port: number,
): void {
  show(label, socket_recvmsg(socket, message, flags));
  show("  message", tidy(message, port));
}

const r = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
socket_bind(r, "127.0.0.1", 0);
const rport = portOf(r);
const s = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
socket_bind(s, "127.0.0.1", 0);
const sport = portOf(s);

section("arguments");
attempt("flags 2**31", () => socket_recvmsg(r, { controllen: 1 }, 2147483648));
attempt("message string", () => recvmsg(r, "str"));
attempt("socket string", () => recvmsg("x", { controllen: 1 }));

section("conversion errors leave the message untouched");
const errorCases: [string, unknown][] = [
  ["no controllen", { buffer_size: 10 }],
  ["controllen 0", { controllen: 0 }],
  ["controllen -1", { controllen: -1 }],
  ["controllen 2**32", { controllen: 4294967296 }],
  ["controllen \"x\"", { controllen: "x" }],
  ["controllen null", { controllen: null }],
  ["buffer_size -1", { controllen: 1, buffer_size: -1 }],
  ["buffer_size 104857601", { controllen: 1, buffer_size: 104857601 }],
  ["buffer_size \"big\"", { controllen: 1, buffer_size: "big" }],
  ["buffer_size before controllen", { controllen: 0, buffer_size: -1 }],
  ["name int", { controllen: 1, name: 1 }],
  ["name AF_UNIX on AF_INET", { controllen: 1, name: { family: AF_UNIX } }],
  ["name AF_INET6 on AF_INET", { controllen: 1, name: { family: AF_INET6 } }],
  ["name family 99", { controllen: 1, name: { family: 99 } }],
  ["name family \"x\"", { controllen: 1, name: { family: "x" } }],
];
for (const [label, message] of errorCases) {
  const before = JSON.stringify(message);
  show(label, socket_recvmsg(r, m(message)));
  show("  untouched", JSON.stringify(message) === before);
}

section("recvmsg fails: always warns, global error only");
const failing = m({ controllen: 1, name: { addr: "ignored" } });
show("nothing to read", socket_recvmsg(r, failing, MSG_DONTWAIT));
show("  message", failing);
show("  socket_last_error()", socket_last_error());
show("  socket_last_error($r)", socket_last_error(r));
socket_clear_error();

section("UDP over IPv4");
const hello = () => socket_sendto(s, "hello", 5, 0, "127.0.0.1", rport);
hello();
recvCase("name requested", r, m({ name: {}, controllen: 1, extra: 1 }), 0, sport);
hello();
recvCase("no name key", r, { controllen: 100 }, 0, sport);
hello();
recvCase(
  "name family AF_INET, contents ignored",
  r,
  m({ name: { family: AF_INET, addr: "1.2.3.4", port: "x" }, controllen: 1 }),
  0,
  sport,
);
hello();
recvCase("buffer_size 3: MSG_TRUNC", r, { controllen: 1, buffer_size: 3 }, 0, sport);
hello();
recvCase("buffer_size 0", r, { controllen: 1, buffer_size: 0 }, 0, sport);
hello();
recvCase("flag MSG_TRUNC, buffer_size 2", r, { controllen: 1, buffer_size: 2 }, MSG_TRUNC, sport);
hello();
recvCase("MSG_PEEK", r, m({ controllen: 1, buffer_size: "4" }), MSG_PEEK, sport);
recvCase("after peek", r, { controllen: 1, buffer_size: 4.7 }, 0, sport);
socket_sendto(s, "", 0, 0, "127.0.0.1", rport);
recvCase("empty datagram", r, { controllen: 1, name: {} }, 0, sport);
socket_sendto(s, allBytes(), 256, 0, "127.0.0.1", rport);
const all: RecvMessage = { controllen: 1 };
show("all bytes", socket_recvmsg(r, all));
show("  iov", all.iov?.length === 1 && all.iov[0] === allBytes());
socket_close(s);

section("UDP over IPv6");
const r6 = socket_create(AF_INET6, SOCK_DGRAM, 0) as Socket;
socket_bind(r6, "::1", 0);
const p6 = portOf(r6);
const s6 = socket_create(AF_INET6, SOCK_DGRAM, 0) as Socket;
socket_bind(s6, "::1", 0);
const sp6 = portOf(s6);
socket_sendto(s6, "six", 3, 0, "::1", p6);
recvCase("name requested", r6, { name: {}, controllen: 1 }, 0, sp6);
// (A name with family AF_INET on an AF_INET6 socket gets a truncated IPv6
// address that PHP completes with memory past its buffer: not compared.)
socket_close(s6);
socket_close(r6);

section("AF_UNIX");
const dir = makeTempDir();
const u = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
socket_bind(u, `${dir}/u.sock`);
const named = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
socket_bind(named, `${dir}/named.sock`);
socket_sendto(named, "from a path", 11, 0, `${dir}/u.sock`);
const fromPath: RecvMessage = { name: {}, controllen: 1 };
show("from a path", socket_recvmsg(u, fromPath));
fromPath.name!.path = rel(fromPath.name!.path, dir) as string;
show("  message", fromPath);
const abstract = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
const random = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16)).join(
  "",
);
socket_bind(abstract, `\0php-sockets-recvmsg-${random}`);
socket_sendto(abstract, "from an abstract name", 21, 0, `${dir}/u.sock`);
recvCase("from an abstract name", u, { name: {}, controllen: 1 }, 0, 0);
const anon = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
socket_sendto(anon, "from an unbound socket", 22, 0, `${dir}/u.sock`);
recvCase("from an unbound socket", u, { name: {}, controllen: 1 }, 0, 0);
recvCase("name family AF_INET on AF_UNIX", u, { name: { family: AF_INET }, controllen: 1 }, 0, 0);
for (const x of [u, named, abstract, anon]) socket_close(x);
removeTempDir(dir);
let pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
socket_write(pair[0], "stream data");
recvCase("stream pair, name requested", pair[1], { name: {}, controllen: 1, buffer_size: 6 }, 0, 0);
recvCase("stream pair, the rest", pair[1], { controllen: 1 }, 0, 0);
socket_shutdown(pair[0], 1);
recvCase("stream pair, end of file", pair[1], { controllen: 1 }, 0, 0);
socket_close(pair[0]);
socket_close(pair[1]);

section("control data that does not fit: MSG_CTRUNC");
pair = [];
socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, pair);
socket_set_option(pair[1], SOL_SOCKET, SO_PASSCRED, 1);
socket_send(pair[0], "x", 1, 0);
recvCase("controllen 10: no room for a header", pair[1], { controllen: 10 }, 0, 0);
socket_send(pair[0], "y", 1, 0);
const cut: RecvMessage = { controllen: 20 };
show("controllen 20: a cut credentials message", socket_recvmsg(pair[1], cut));
show("  message is false (PHP) or empty", Object.keys(cut).length === 0);
socket_close(pair[0]);
socket_close(pair[1]);

socket_close(r);
attempt("closed", () => socket_recvmsg(r, { controllen: 1 }));
