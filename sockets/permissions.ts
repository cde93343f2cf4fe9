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

function queries(addr: SockAddr, family: number): PermissionQuery[] {
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
