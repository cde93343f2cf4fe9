// Port of php-src ext/sockets/tests/socket_connect_params.phpt.
// Twin of socket_connect_params.php.
import {
  AF_INET,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  SOL_TCP,
} from "../../mod.ts";
import { attempt, ref, show } from "./_dump.ts";

/** Calls `fn` with arguments its TypeScript signature does not allow. */
// deno-lint-ignore ban-types
function untyped(fn: Function, ...args: unknown[]): unknown {
  return fn(...args);
}

const sC = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(sC, "127.0.0.1", 0);
socket_listen(sC);
const addr = ref();
const port = ref();
socket_getsockname(sC, addr, port);
attempt("socket_connect()", () => untyped(socket_connect));
attempt("socket_connect($s_c)", () => untyped(socket_connect, sC));
attempt("socket_connect($s_c, address)", () => socket_connect(sC, "127.0.0.1"));
attempt("socket_connect($s_c, address, null)", () => socket_connect(sC, "127.0.0.1", null));
show("socket_last_error($s_c)", socket_last_error(sC));
attempt("socket_connect($s_c, address, port)", () => socket_connect(sC, "127.0.0.1", port.value));
show("socket_last_error($s_c)", socket_last_error(sC));
const addr2 = ref();
const port2 = ref();
show("still listening", socket_getsockname(sC, addr2, port2) && port2.value === port.value);
socket_close(sC);
