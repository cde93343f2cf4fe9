/**
 * PHP's main/network.c for the stream functions: resolving a host (with
 * PHP's warning on failure), binding a server socket to each address in
 * turn, connecting with a timeout shared across the addresses, accepting
 * with a timeout, and the text form of socket addresses.
 *
 * @module
 */

import { platform, Ready, sys } from "../platform/mod.ts";
import type { SocketHandle } from "../platform/mod.ts";
import { hasPermissions, permission } from "../platform/mod.ts";
import { byteStringToText } from "../sockets/bytes.ts";
import { bytesToString } from "../sockets/bytes.ts";
import { warn } from "../sockets/errors.ts";
import { missingLookupPermission } from "../sockets/permissions.ts";
import { decodeAddress, isNumericHost, SOCKADDR_STORAGE_SIZE } from "../sockets/sockaddr.ts";
import type { SockAddr } from "../sockets/sockaddr.ts";
import { pollFor } from "./sockop.ts";
import { cText } from "./url.ts";

const P = platform.php;
const N = platform.native;
const { AF_INET, AF_INET6, AF_UNIX } = P;
// PHP's names for the codes: Winsock's WSA codes on Windows.
const { SOCKET_EACCES: EACCES, SOCKET_ETIMEDOUT: ETIMEDOUT } = P;
/**
 * What a non-blocking connect() that is under way reports: EINPROGRESS, and
 * on Winsock WSAEWOULDBLOCK (PHP's network.c maps one to the other there).
 */
const CONNECT_PENDING: ReadonlySet<number> = new Set(
  [P.SOCKET_EINPROGRESS, N.WSAEWOULDBLOCK].filter((c) => c !== undefined),
);
const IN_PORT = platform.structs.sockaddr_in.fields.sin_port[0];
const IN6_PORT = platform.structs.sockaddr_in6.fields.sin6_port[0];
const SUN_PATH = platform.structs.sockaddr_un.fields.sun_path[0];

/** An address the resolver gave, with room for a port. */
export interface Resolved {
  readonly family: number;
  readonly addr: Uint8Array;
}

/** A failure: the errno to report (0 when none applies) and PHP's error text (or null). */
export interface NetError {
  readonly code: number;
  readonly text: string | null;
}

let ipv6Works: boolean | undefined;

/** PHP probes once whether an IPv6 socket can be made, and resolves AF_UNSPEC if so. */
function lookupFamily(): number {
  if (ipv6Works === undefined) {
    const s = sys();
    const fd = s.socket(AF_INET6, P.SOCK_DGRAM, 0);
    ipv6Works = fd >= 0;
    if (fd >= 0) s.close(fd);
  }
  return ipv6Works ? P.AF_UNSPEC : AF_INET;
}

/**
 * PHP's `php_network_getaddresses`: the addresses of `host` for `socktype`,
 * or PHP's error text (also emitted as a warning of `fn`). Under Deno a
 * host name needs `--allow-net` for it; without it the lookup fails with
 * `Permission denied` naming the flag.
 */
export function getAddresses(
  fn: string,
  host: string,
  socktype: number,
  port: number,
): Resolved[] | NetError {
  const s = sys();
  if (host !== "" && !isNumericHost(host)) {
    const missing = missingLookupPermission(cText(host), port);
    if (missing !== null) {
      const text = `php_network_getaddresses: getaddrinfo for ${cText(host)} failed: ${
        errorText(EACCES, missing)
      }`;
      warn(fn, text);
      return { code: 0, text };
    }
  }
  const found = s.getaddrinfo(host, null, { family: lookupFamily(), socktype });
  if (typeof found === "number") {
    const text = `php_network_getaddresses: getaddrinfo for ${cText(host)} failed: ${
      s.gaiStrerror(found)
    }`;
    warn(fn, text);
    return { code: 0, text };
  }
  return found.map((e) => ({ family: e.family, addr: e.addr }));
}

/** A copy of a resolved address with `port` filled in, or null for a family PHP skips. */
export function withPort(entry: Resolved, port: number): SockAddr | null {
  const bytes = new Uint8Array(entry.addr);
  const dv = new DataView(bytes.buffer);
  if (entry.family === AF_INET) dv.setUint16(IN_PORT, port & 0xffff, false);
  else if (entry.family === AF_INET6) dv.setUint16(IN6_PORT, port & 0xffff, false);
  else return null;
  return { bytes, length: bytes.length };
}

/**
 * The Deno permission an address needs (`--allow-net=host:port`, or read
 * and write for a Unix path), or null when granted (always under Bun).
 */
export function missingAddressPermission(addr: SockAddr, family: number): string | null {
  if (!hasPermissions) return null;
  const d = decodeAddress(addr.bytes, addr.length, family);
  if (d.family === AF_UNIX) {
    if (d.address === "") return null;
    const path = byteStringToText(d.address);
    for (const name of ["read", "write"] as const) {
      if (permission({ name, path }) !== "granted") return `--allow-${name}=${path}`;
    }
    return null;
  }
  const host = d.family === AF_INET6 ? `[${d.address}]` : d.address;
  const query = `${host}:${d.port}`;
  return permission({ name: "net", host: query }) === "granted" ? null : `--allow-net=${query}`;
}

/** PHP's text for an errno, with the missing Deno permission when that was the cause. */
export function errorText(code: number, missing: string | null = null): string {
  const text = sys().strerror(code);
  return missing === null ? text : `${text} (Deno: this needs ${missing})`;
}

/**
 * PHP's `php_network_connect_socket`: a non-blocking `connect()` and a wait
 * of up to `timeoutMs` (-1: none) for it to finish; an asynchronous connect
 * returns at once (and leaves the socket non-blocking).
 */
export function connectSocket(
  fd: SocketHandle,
  addr: SockAddr,
  family: number,
  async: boolean,
  timeoutMs: number,
): NetError | { pending: boolean } {
  const s = sys();
  const missing = missingAddressPermission(addr, family);
  if (missing !== null) return { code: EACCES, text: errorText(EACCES, missing) };
  const wasNonBlocking = s.isNonBlocking(fd) === 1;
  s.setNonBlocking(fd, true);
  if (s.connect(fd, addr.bytes, addr.length) === 0) {
    if (!async) s.setNonBlocking(fd, wasNonBlocking);
    return { pending: false };
  }
  let error = s.lastError();
  if (!CONNECT_PENDING.has(error)) return { code: error, text: errorText(error) };
  if (async) return { pending: true };
  const n = pollFor(fd, Ready.In | Ready.Err | Ready.Hup | Ready.Out, timeoutMs);
  if (n === 0) error = ETIMEDOUT;
  else if (n > 0) {
    const value = new Int32Array(1);
    const len = new Uint32Array([4]);
    error = s.getsockopt(fd, P.SOL_SOCKET, P.SO_ERROR, new Uint8Array(value.buffer), len) < 0
      ? s.lastError()
      : value[0];
  } else error = s.lastError();
  s.setNonBlocking(fd, wasNonBlocking);
  if (error !== 0) return { code: error, text: errorText(error) };
  return { pending: false };
}

/**
 * PHP's `php_network_populate_name_from_sockaddr`: `a.b.c.d:port`,
 * `[v6]:port`, or a Unix path (an abstract name with its leading NUL);
 * `null` for other families.
 */
export function textAddress(bytes: Uint8Array, length: number): string | null {
  if (length < 2) return "";
  const d = decodeAddress(bytes, length, AF_UNIX);
  if (d.family === AF_INET) return `${d.address}:${d.port}`;
  if (d.family === AF_INET6) return `[${d.address}]:${d.port}`;
  if (d.family === AF_UNIX) {
    if (length > SUN_PATH && bytes[SUN_PATH] === 0) {
      return bytesToString(bytes.subarray(SUN_PATH, length));
    }
    return d.address;
  }
  return null;
}

/** getsockname()/getpeername() as text (see {@link textAddress}), or null on failure. */
export function socketName(fd: SocketHandle, remote: boolean): string | null {
  const s = sys();
  const buf = new Uint8Array(SOCKADDR_STORAGE_SIZE);
  const len = new Uint32Array([buf.length]);
  const r = remote ? s.getpeername(fd, buf, len) : s.getsockname(fd, buf, len);
  if (r < 0) return null;
  return textAddress(buf, Math.min(len[0], buf.length));
}

/**
 * PHP's `php_network_accept_incoming`: waits up to `timeoutMs` (-1: none)
 * for a connection and accepts it. Returns the descriptor and the peer's
 * text address, or the errno (`ETIMEDOUT` on timeout).
 */
export function acceptIncoming(
  fd: SocketHandle,
  timeoutMs: number,
): { fd: SocketHandle; peer: string | null } | { code: number } {
  const s = sys();
  const n = pollFor(fd, Ready.In | Ready.Err | Ready.Hup, timeoutMs);
  if (n === 0) return { code: ETIMEDOUT };
  if (n < 0) return { code: s.lastError() };
  const addr = new Uint8Array(SOCKADDR_STORAGE_SIZE);
  const len = new Uint32Array([addr.length]);
  const client = s.accept(fd, addr, len);
  if (client < 0) return { code: s.lastError() };
  return { fd: client, peer: textAddress(addr, Math.min(len[0], addr.length)) };
}
