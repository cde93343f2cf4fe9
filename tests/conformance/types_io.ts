// Own case: wrong argument types for the I/O, option and select functions.
// Twin of types_io.php.
import {
  AF_UNIX,
  MSG_DONTWAIT,
  SO_REUSEADDR,
  SO_TYPE,
  SOCK_DGRAM,
  type Socket,
  socket_clear_error,
  socket_close,
  socket_create_pair,
  socket_get_option,
  socket_getopt,
  socket_getpeername,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_recv,
  socket_recvfrom,
  socket_select,
  socket_send,
  socket_sendto,
  socket_set_block,
  socket_set_nonblock,
  socket_set_option,
  socket_setopt,
  socket_shutdown,
  socket_write,
  SOL_SOCKET,
} from "../../mod.ts";
import { attempt, ref, section, show } from "./_dump.ts";

/** Calls `fn` with arguments its TypeScript signature does not allow. */
// deno-lint-ignore ban-types
function untyped(fn: Function, ...args: unknown[]): unknown {
  return fn(...args);
}
class stdClass {}

const pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, pair);
const [s, peer] = pair;
const buf = ref("untouched");
const from = ref("untouched");
const port = ref("untouched");

section("socket_recv / socket_send");
attempt("recv length \"10\"", () => untyped(socket_recv, s, buf, "10", 0));
attempt("recv flags null", () => untyped(socket_recv, s, buf, 10, null));
attempt("recv socket \"x\"", () => untyped(socket_recv, "x", buf, 10, 0));
attempt("send data 12", () => untyped(socket_send, s, 12, 2, 0));
attempt("send data null", () => untyped(socket_send, s, null, 0, 0));
attempt("send length 1.5", () => socket_send(s, "x", 1.5, 0));
attempt("send flags \"0\"", () => untyped(socket_send, s, "x", 1, "0"));

section("socket_recvfrom / socket_sendto");
attempt("recvfrom length null", () => untyped(socket_recvfrom, s, buf, null, 0, from));
attempt("recvfrom flags 0.25", () => untyped(socket_recvfrom, s, buf, 10, 0.25, from));
attempt("sendto length \"1\"", () => untyped(socket_sendto, s, "x", "1", 0, "addr"));
attempt("sendto flags false", () => untyped(socket_sendto, s, "x", 1, false, "addr"));
attempt("sendto address null", () => untyped(socket_sendto, s, "x", 1, 0, null));
attempt("sendto port \"80\"", () => untyped(socket_sendto, s, "x", 1, 0, "addr", "80"));
attempt("sendto data []", () => untyped(socket_sendto, s, [], 1, 0, "addr"));

section("socket_read / socket_write");
attempt("read mode \"1\"", () => untyped(socket_read, s, 10, "1"));
attempt("write data 1.5", () => untyped(socket_write, s, 1.5));
attempt("write length true", () => untyped(socket_write, s, "x", true));

section("options");
attempt("get_option level \"1\"", () => untyped(socket_get_option, s, "1", SO_TYPE));
attempt("get_option option null", () => untyped(socket_get_option, s, SOL_SOCKET, null));
attempt("getopt option 1.5", () => socket_getopt(s, SOL_SOCKET, 1.5));
attempt("set_option level null", () => untyped(socket_set_option, s, null, SO_REUSEADDR, 1));
attempt("set_option option \"2\"", () => untyped(socket_set_option, s, SOL_SOCKET, "2", 1));
attempt("setopt socket null", () => untyped(socket_setopt, null, SOL_SOCKET, SO_REUSEADDR, 1));

section("socket_select");
attempt("seconds \"0\"", () => untyped(socket_select, [s], null, null, "0"));
attempt("microseconds null", () => untyped(socket_select, [s], null, null, 0, null));
attempt("seconds 0.5", () => socket_select([s], null, null, 0.5));

section("others");
attempt("set_nonblock(1)", () => untyped(socket_set_nonblock, 1));
attempt("set_block(null)", () => untyped(socket_set_block, null));
attempt("shutdown mode null", () => untyped(socket_shutdown, s, null));
attempt("getsockname(false)", () => untyped(socket_getsockname, false, from));
attempt("getpeername([])", () => untyped(socket_getpeername, [], from));
attempt("listen(new stdClass)", () => untyped(socket_listen, new stdClass()));

show("values", [buf.value, from.value, port.value]);
show("socket_last_error()", socket_last_error());
show("nothing was sent", socket_recv(peer, buf, 10, MSG_DONTWAIT));
socket_clear_error();
socket_close(s);
socket_close(peer);
