/**
 * Deno's `--allow-net`, `--allow-read` and `--allow-write` honoured by hand:
 * FFI bypasses them, so before an address is used the module asks Deno's
 * permission state and fails like a denied system call (`EACCES`) when it is
 * not granted. Under Bun every query is granted.
 *
 * The address is checked as written (numeric, never re-resolved), IPv6 in
 * brackets, and an ephemeral bind as port 0, matching Deno's own rules.
 *
 * @module
 */

import { hasPermissions, permission, platform } from "../platform/mod.ts";
import type { PermissionQuery } from "../platform/mod.ts";
import { byteStringToText } from "./bytes.ts";
import { socketError } from "./report.ts";
import type { SockAddr } from "./sockaddr.ts";
import { decodeAddress } from "./sockaddr.ts";
import type { SocketState } from "./socket.ts";

const { AF_UNIX, AF_INET6 } = platform.php;
const { SOCKET_EACCES: EACCES } = platform.php;

/**
 * The queries of each address seen, so that a resent address is not decoded
 * again. Only the queries are kept: Deno is asked on every call, because a
 * permission can be revoked at any time.
 */
const queriesOf = new WeakMap<SockAddr, PermissionQuery[]>();

function queries(addr: SockAddr, family: number): PermissionQuery[] {
  let q = queriesOf.get(addr);
  if (!q) {
    q = decodeQueries(addr, family);
    queriesOf.set(addr, q);
  }
  return q;
}

function decodeQueries(addr: SockAddr, family: number): PermissionQuery[] {
  const decoded = decodeAddress(addr.bytes, addr.length, family);
  if (decoded.family === AF_UNIX) {
    // Abstract names (leading NUL) have no file-system path to check.
    if (decoded.address === "") return [];
    const path = byteStringToText(decoded.address);
    return [{ name: "read", path }, { name: "write", path }];
  }
  const host = decoded.family === AF_INET6 ? `[${decoded.address}]` : decoded.address;
  return [{ name: "net", host: `${host}:${decoded.port}` }];
}

function describe(q: PermissionQuery): string {
  return q.name === "net" ? `--allow-net=${q.host}` : `--allow-${q.name}=${q.path}`;
}

/**
 * Returns true when the runtime allows using `addr`; otherwise records
 * `EACCES` as the failing call `msg` would, with a warning that names the
 * missing permission, and returns false.
 */
export function allowed(
  fn: string,
  state: SocketState | null,
  msg: string,
  addr: SockAddr,
  family: number,
): boolean {
  if (!hasPermissions) return true;
  for (const q of queries(addr, family)) {
    if (permission(q) !== "granted") {
      socketError(state, fn, msg, EACCES, ` (Deno: this needs ${describe(q)})`);
      return false;
    }
  }
  return true;
}

/** The host as Deno's permission queries spell it: IPv6-looking names in brackets. */
function permissionHost(host: string, port: number | null): string {
  const name = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return port === null ? name : `${name}:${port}`;
}

/**
 * The Deno permission a host-name lookup needs, or `null` when the runtime
 * allows it: `--allow-net` for `host` (with `port` when one is known). A
 * numeric address needs none (no lookup happens), nor does Bun.
 */
export function missingLookupPermission(host: string, port: number | null): string | null {
  if (!hasPermissions) return null;
  const query = permissionHost(host, port);
  let state: string;
  try {
    state = permission({ name: "net", host: query });
  } catch {
    // A name Deno's parser rejects cannot be granted either.
    state = "denied";
  }
  return state === "granted" ? null : `--allow-net=${query}`;
}

/**
 * Like {@link allowed} for a host-name lookup (getaddrinfo, gethostbyname):
 * true when Deno's `--allow-net` grants `host`; otherwise records `EACCES`
 * with a warning `msg [13]: Permission denied (Deno: this needs ...)` and
 * returns false.
 */
export function lookupAllowed(
  fn: string,
  state: SocketState | null,
  msg: string,
  host: string,
  port: number | null,
): boolean {
  const missing = missingLookupPermission(host, port);
  if (missing === null) return true;
  socketError(state, fn, msg, EACCES, ` (Deno: this needs ${missing})`);
  return false;
}
