// Own case: every function checks its argument count first.
// Twin of arity.php (PHP's by-reference variables are Ref objects, its arrays plain arrays).
import {
  AF_INET,
  AF_UNIX,
  PHP_BINARY_READ,
  SO_REUSEADDR,
  SO_TYPE,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_connect,
  socket_create,
  socket_create_listen,
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
  socket_strerror,
  socket_write,
  SOL_SOCKET,
} from "../../mod.ts";
import { attempt, ref, section, show } from "./_dump.ts";

/** Calls `fn` with arguments its TypeScript signature does not allow. */
// deno-lint-ignore ban-types
function untyped(fn: Function, ...args: unknown[]): unknown {
  return fn(...args);
}

const s = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
const closed = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
socket_close(closed);
const a = ref();
const b = ref();
const c = ref();

section("too few");
attempt("socket_accept()", () => untyped(socket_accept));
attempt("socket_bind($s)", () => untyped(socket_bind, s));
attempt("socket_close()", () => untyped(socket_close));
attempt("socket_connect($closed)", () => untyped(socket_connect, closed));
attempt("socket_create(AF_INET, SOCK_STREAM)", () => untyped(socket_create, AF_INET, SOCK_STREAM));
attempt("socket_create_listen()", () => untyped(socket_create_listen));
attempt(
  "socket_create_pair(AF_UNIX, SOCK_STREAM, 0)",
  () => untyped(socket_create_pair, AF_UNIX, SOCK_STREAM, 0),
);
attempt("socket_get_option($s, SOL_SOCKET)", () => untyped(socket_get_option, s, SOL_SOCKET));
attempt("socket_getopt($s)", () => untyped(socket_getopt, s));
attempt("socket_getpeername($s)", () => untyped(socket_getpeername, s));
attempt("socket_getsockname(\"x\")", () => untyped(socket_getsockname, "x"));
attempt("socket_listen()", () => untyped(socket_listen));
attempt("socket_read($s)", () => untyped(socket_read, s));
attempt("socket_recv($s, $a, 10)", () => untyped(socket_recv, s, a, 10));
attempt("socket_recvfrom($s, $a, 10, 0)", () => untyped(socket_recvfrom, s, a, 10, 0));
attempt("socket_select($a, $b, $c)", () => untyped(socket_select, null, null, null));
attempt("socket_send($s, \"x\", 1)", () => untyped(socket_send, s, "x", 1));
attempt("socket_sendto($s, \"x\", 1, 0)", () => untyped(socket_sendto, s, "x", 1, 0));
attempt("socket_set_block()", () => untyped(socket_set_block));
attempt("socket_set_nonblock()", () => untyped(socket_set_nonblock));
attempt(
  "socket_set_option($s, SOL_SOCKET, SO_REUSEADDR)",
  () => untyped(socket_set_option, s, SOL_SOCKET, SO_REUSEADDR),
);
attempt("socket_setopt($closed, 1, 2)", () => untyped(socket_setopt, closed, 1, 2));
attempt("socket_shutdown()", () => untyped(socket_shutdown));
attempt("socket_strerror()", () => untyped(socket_strerror));
attempt("socket_write($s)", () => untyped(socket_write, s));
section("too many");
attempt("socket_accept($s, 1)", () => untyped(socket_accept, s, 1));
attempt("socket_bind($s, \"127.0.0.1\", 0, 1)", () => untyped(socket_bind, s, "127.0.0.1", 0, 1));
attempt("socket_clear_error($s, 1)", () => untyped(socket_clear_error, s, 1));
attempt("socket_close($closed, 1)", () => untyped(socket_close, closed, 1));
attempt(
  "socket_connect($s, \"127.0.0.1\", 1, 1)",
  () => untyped(socket_connect, s, "127.0.0.1", 1, 1),
);
attempt(
  "socket_create(AF_INET, SOCK_STREAM, 0, 1)",
  () => untyped(socket_create, AF_INET, SOCK_STREAM, 0, 1),
);
attempt("socket_create_listen(0, 1, 1)", () => untyped(socket_create_listen, 0, 1, 1));
attempt(
  "socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $a, 1)",
  () => untyped(socket_create_pair, AF_UNIX, SOCK_STREAM, 0, [], 1),
);
attempt(
  "socket_get_option($s, SOL_SOCKET, SO_TYPE, 1)",
  () => untyped(socket_get_option, s, SOL_SOCKET, SO_TYPE, 1),
);
attempt(
  "socket_getopt($s, SOL_SOCKET, SO_TYPE, 1)",
  () => untyped(socket_getopt, s, SOL_SOCKET, SO_TYPE, 1),
);
attempt("socket_getpeername($s, $a, $b, 1)", () => untyped(socket_getpeername, s, a, b, 1));
attempt("socket_getsockname($s, $a, $b, 1)", () => untyped(socket_getsockname, s, a, b, 1));
attempt("socket_last_error($s, 1)", () => untyped(socket_last_error, s, 1));
attempt("socket_listen($s, 1, 1)", () => untyped(socket_listen, s, 1, 1));
attempt(
  "socket_read($s, 1, PHP_BINARY_READ, 1)",
  () => untyped(socket_read, s, 1, PHP_BINARY_READ, 1),
);
attempt("socket_recv($s, $a, 1, 0, 1)", () => untyped(socket_recv, s, a, 1, 0, 1));
attempt(
  "socket_recvfrom($s, $a, 1, 0, $b, $c, 1)",
  () => untyped(socket_recvfrom, s, a, 1, 0, b, c, 1),
);
attempt(
  "socket_select($a, $b, $c, 0, 0, 1)",
  () => untyped(socket_select, null, null, null, 0, 0, 1),
);
attempt("socket_send($s, \"x\", 1, 0, 1)", () => untyped(socket_send, s, "x", 1, 0, 1));
attempt(
  "socket_sendto($s, \"x\", 1, 0, \"127.0.0.1\", 1, 1)",
  () => untyped(socket_sendto, s, "x", 1, 0, "127.0.0.1", 1, 1),
);
attempt("socket_set_block($s, 1)", () => untyped(socket_set_block, s, 1));
attempt("socket_set_nonblock($s, 1)", () => untyped(socket_set_nonblock, s, 1));
attempt(
  "socket_set_option($s, SOL_SOCKET, SO_REUSEADDR, 1, 1)",
  () => untyped(socket_set_option, s, SOL_SOCKET, SO_REUSEADDR, 1, 1),
);
attempt(
  "socket_setopt($s, SOL_SOCKET, SO_REUSEADDR, 1, 1)",
  () => untyped(socket_setopt, s, SOL_SOCKET, SO_REUSEADDR, 1, 1),
);
attempt("socket_shutdown($s, 2, 1)", () => untyped(socket_shutdown, s, 2, 1));
attempt("socket_strerror(1, 1)", () => untyped(socket_strerror, 1, 1));
attempt("socket_write($s, \"x\", 1, 1)", () => untyped(socket_write, s, "x", 1, 1));
show("socket_last_error()", socket_last_error());
socket_close(s);
