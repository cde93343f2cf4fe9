// Port of php-src ext/sockets/tests/socket_strerror.phpt.
// Twin of socket_strerror.php.
import { socket_strerror } from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

/** Calls `fn` with arguments its TypeScript signature does not allow. */
// deno-lint-ignore ban-types
function untyped(fn: Function, ...args: unknown[]): unknown {
  return fn(...args);
}

attempt("socket_strerror()", () => untyped(socket_strerror));
for (let i = 0; i <= 133; i++) {
  show(`${i}`, socket_strerror(i));
}
