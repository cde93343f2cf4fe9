// socket_select: readiness per set, keys kept, duplicates, counts, timeouts
// and the argument errors. Twin of select.php (PHP arrays with string keys
// are objects here; PHP's `$r = [1]` style lists are arrays).
import {
  AF_INET,
  AF_UNIX,
  MSG_OOB,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_create_pair,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_select,
  socket_send,
  socket_write,
  type SocketArray,
} from "../../mod.ts";
import { attempt, ref, section, show } from "./_dump.ts";

// deno-lint-ignore no-explicit-any
const select = socket_select as (...a: any[]) => number | false;
const names = new Map<Socket, string>();
function named(set: SocketArray | null): unknown {
  if (set === null) return null;
  return Object.fromEntries(Object.entries(set).map(([k, s]) => [k, names.get(s)]));
}

const p: Socket[] = [];
const q: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, p);
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, q);
names.set(p[0], "p0").set(p[1], "p1").set(q[0], "q0").set(q[1], "q1");

section("nothing to read");
let r: SocketArray | null = { a: p[0], b: q[0] };
let w: SocketArray | null = null;
let e: SocketArray | null = null;
show("result", socket_select(r, w, e, 0));
show("read", named(r));
show("write", w);

section("one readable, all writable, keys kept");
socket_write(p[1], "x");
r = { a: p[0], b: q[0] };
w = { first: p[0], second: q[1] };
e = [];
show("result", socket_select(r, w, e, 0, 0));
show("read", named(r));
show("write", named(w));
show("except", named(e));

section("duplicates count once per set");
r = { x: p[0], y: p[0], z: q[0] };
w = { x: p[0] };
e = null;
show("result", socket_select(r, w, e, 0));
show("read", named(r));
show("write", named(w));

section("end of file is readable");
socket_close(q[1]);
r = { q0: q[0] };
w = null;
e = null;
show("result", socket_select(r, w, e, 1));
show("read", named(r));

section("timeouts");
r = { p1: p[1] };
let t = performance.now();
show("result", socket_select(r, w, e, 0, 200000));
show("waited at least 0.15 s", performance.now() - t >= 150);
show("read", named(r));
r = { p1: p[1] };
t = performance.now();
show(
  "usec carry",
  `${socket_select(r, w, e, 0, 1100000)} ${performance.now() - t >= 1000 ? "waited" : "early"}`,
);
r = { p1: p[1] };
show("negative seconds", socket_select(r, w, e, -1));
show("global error", socket_last_error());
show("untouched", named(r));
r = { p1: p[1] };
show("negative microseconds", socket_select(r, w, e, 0, -1));

section("argument errors");
class stdClass {}
attempt("all null", () => socket_select(null, null, null, 0));
attempt("all empty", () => socket_select([], [], [], 0));
attempt("an int", () => select([1], null, null, 0));
attempt("a string in write", () => select([p[0]], ["s"], null, 0));
attempt("an object in except", () => select([p[0]], null, [new stdClass()], 0));
attempt("seconds not an int", () => select([p[0]], null, null, "x"));
attempt("too few arguments", () => select([p[0]], null, null));
attempt("read not an array", () => select(5, null, null, 0));

section("except set sees out-of-band data");
const srv = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_bind(srv, "127.0.0.1", 0);
socket_listen(srv);
const addr = ref();
const port = ref();
socket_getsockname(srv, addr, port);
const c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_connect(c, "127.0.0.1", port.value);
const a = socket_accept(srv) as Socket;
names.set(a, "accepted");
e = { accepted: a };
show("no urgent data", socket_select(null, null, e, 0));
socket_send(c, "!", 1, MSG_OOB);
e = { accepted: a };
show("urgent data", socket_select(null, null, e, 1));
show("except", named(e));
for (const s of [p[0], p[1], q[0], srv, c, a]) socket_close(s);
