// Wrong argument types throw TypeError with PHP 8's messages (strict_types=1,
// which is how a typed JS API behaves), and missing arguments throw
// ArgumentCountError. Twin of types.php.
import {
  AF_INET,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_connect,
  socket_create,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_sendto,
  socket_shutdown,
  socket_strerror,
  socket_write,
} from "../../mod.ts";
import { attempt, section, show } from "./_dump.ts";

/** Calls `fn` with arguments its TypeScript signature does not allow. */
// deno-lint-ignore ban-types
function untyped(fn: Function, ...args: unknown[]): unknown {
  return fn(...args);
}

const s = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;

section("Socket parameters");
attempt("socket_write(string)", () => untyped(socket_write, "x", "y"));
attempt("socket_close(null)", () => untyped(socket_close, null));
attempt("socket_read(int)", () => untyped(socket_read, 5, 10));
attempt("socket_bind(array)", () => untyped(socket_bind, [], "127.0.0.1"));
attempt("socket_accept(true)", () => untyped(socket_accept, true));
attempt("socket_last_error(string)", () => untyped(socket_last_error, "x"));
attempt("socket_clear_error(int)", () => untyped(socket_clear_error, 1));
attempt("socket_last_error(null)", () => socket_last_error(null));

section("int parameters");
attempt("socket_create(string domain)", () => untyped(socket_create, "2", SOCK_STREAM, 0));
attempt("socket_create(float type)", () => socket_create(AF_INET, 1.5, 0));
attempt("socket_create(null protocol)", () => untyped(socket_create, AF_INET, SOCK_STREAM, null));
attempt("socket_read(string length)", () => untyped(socket_read, s, "10"));
attempt("socket_read(null mode)", () => untyped(socket_read, s, 10, null));
attempt("socket_listen(bool backlog)", () => untyped(socket_listen, s, false));
attempt("socket_shutdown(string mode)", () => untyped(socket_shutdown, s, "x"));
attempt("socket_bind(string port)", () => untyped(socket_bind, s, "127.0.0.1", "80"));
attempt("socket_strerror(float)", () => socket_strerror(1.5));
attempt("socket_strerror(null)", () => untyped(socket_strerror, null));

section("string parameters");
attempt("socket_write(int data)", () => untyped(socket_write, s, 123));
attempt("socket_write(null data)", () => untyped(socket_write, s, null));
attempt("socket_bind(int address)", () => untyped(socket_bind, s, 127));
attempt("socket_connect(null address)", () => untyped(socket_connect, s, null, 80));
attempt("socket_sendto(int address)", () => untyped(socket_sendto, s, "x", 1, 0, 1, 80));

section("nullable int parameters");
attempt("socket_write(string length)", () => untyped(socket_write, s, "x", "1"));
attempt("socket_connect(string port)", () => untyped(socket_connect, s, "127.0.0.1", "80"));

section("missing arguments");
attempt("socket_connect($s)", () => untyped(socket_connect, s));
attempt("socket_create(AF_INET)", () => untyped(socket_create, AF_INET));
attempt("socket_read($s)", () => untyped(socket_read, s));
attempt("socket_strerror()", () => untyped(socket_strerror));

section("order of checks: type errors before the closed check");
const closed = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_close(closed);
attempt("closed socket, bad length type", () => untyped(socket_read, closed, "10"));
attempt("closed socket, bad data type", () => untyped(socket_write, closed, 1));
show("socket_last_error()", socket_last_error());
socket_close(s);
