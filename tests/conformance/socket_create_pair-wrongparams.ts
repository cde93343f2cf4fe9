// Port of php-src ext/sockets/tests/socket_create_pair-wrongparams.phpt.
// Twin of socket_create_pair-wrongparams.php.
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  SOCK_DGRAM,
  SOCK_RDM,
  SOCK_STREAM,
  socket_create_pair,
  socket_last_error,
} from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

/** Calls `fn` with arguments its TypeScript signature does not allow. */
// deno-lint-ignore ban-types
function untyped(fn: Function, ...args: unknown[]): unknown {
  return fn(...args);
}

function pair(label: string, domain: number, type: number, protocol: number): void {
  const sockets: unknown[] = ["untouched"];
  attempt(label, () => untyped(socket_create_pair, domain, type, protocol, sockets));
  show("  sockets", sockets);
  show("  socket_last_error()", socket_last_error());
}

attempt("three arguments", () => untyped(socket_create_pair, AF_INET, 0, 0));
attempt("domain \"unknown\"", () => untyped(socket_create_pair, "unknown", SOCK_STREAM, 0, []));
attempt("type null", () => untyped(socket_create_pair, AF_INET, null, null, []));
pair("AF_INET", AF_INET, SOCK_STREAM, 0);
pair("domain 31337", 31337, SOCK_STREAM, 0);
pair("AF_INET6", AF_INET6, SOCK_DGRAM, 0);
pair("AF_UNIX type -1", AF_UNIX, -1, 0);
pair("AF_UNIX type 10", AF_UNIX, 10, 0);
pair("AF_UNIX SOCK_RDM", AF_UNIX, SOCK_RDM, 0);
pair("AF_UNIX protocol 6", AF_UNIX, SOCK_STREAM, 6);
