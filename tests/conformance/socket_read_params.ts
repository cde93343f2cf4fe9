// Port of php-src ext/sockets/tests/socket_read_params.phpt.
// Twin of socket_read_params.php.
import {
  AF_INET,
  PHP_NORMAL_READ,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_create,
  socket_last_error,
  socket_listen,
  socket_read,
  SOL_TCP,
} from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

/** Calls `fn` with arguments its TypeScript signature does not allow. */
// deno-lint-ignore ban-types
function untyped(fn: Function, ...args: unknown[]): unknown {
  return fn(...args);
}

const sCL = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(sCL, "127.0.0.1", 0);
socket_listen(sCL);
attempt("socket_read()", () => untyped(socket_read));
attempt("socket_read(14)", () => untyped(socket_read, 14));
attempt("socket_read($s_c_l, 25)", () => socket_read(sCL, 25));
show("socket_last_error($s_c_l)", socket_last_error(sCL));
socket_clear_error(sCL);
attempt("PHP_NORMAL_READ", () => socket_read(sCL, 25, PHP_NORMAL_READ));
attempt("mode 99 reads in binary", () => socket_read(sCL, 25, 99));
attempt("length 0", () => socket_read(sCL, 0));
attempt("length -1", () => socket_read(sCL, -1));
show("socket_last_error($s_c_l)", socket_last_error(sCL));
socket_close(sCL);
