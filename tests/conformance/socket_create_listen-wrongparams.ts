// Port of php-src ext/sockets/tests/socket_create_listen-wrongparams.phpt.
// Twin of socket_create_listen-wrongparams.php.
import { socket_create_listen, socket_last_error } from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

/** Calls `fn` with arguments its TypeScript signature does not allow. */
// deno-lint-ignore ban-types
function untyped(fn: Function, ...args: unknown[]): unknown {
  return fn(...args);
}

attempt("port array()", () => untyped(socket_create_listen, []));
attempt("backlog array()", () => untyped(socket_create_listen, 31337, []));
attempt("port \"80\"", () => untyped(socket_create_listen, "80"));
attempt("port null", () => untyped(socket_create_listen, null));
attempt("port 1.5", () => socket_create_listen(1.5));
attempt("backlog null", () => untyped(socket_create_listen, 0, null));
attempt("backlog true", () => untyped(socket_create_listen, 0, true));
show("socket_last_error()", socket_last_error());
