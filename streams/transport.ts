/**
 * The socket transports `tcp`, `udp`, `unix` and `udg`: making the
 * descriptor of a server stream (socket, options, bind, listen) or of a
 * client stream (socket, optional local bind, connect with a timeout), as
 * PHP's xp_socket.c and main/network.c do.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import type { SocketHandle } from "../platform/mod.ts";
import { stringToBytes } from "../sockets/bytes.ts";
import { warn } from "../sockets/errors.ts";
import { inet6Address, inetAddress, unixAddress } from "../sockets/sockaddr.ts";
import type { SockAddr } from "../sockets/sockaddr.ts";
import { toLong, truthy } from "./context.ts";
import {
  connectSocket,
  errorText,
  getAddresses,
  missingAddressPermission,
  withPort,
} from "./network.ts";
import type { NetError } from "./network.ts";
import type { SocketContextOptions, StreamKind } from "./stream.ts";
import { parseHostPort, unixPath } from "./url.ts";

const P = platform.php;
const { AF_INET, AF_INET6 } = P;
const DEFAULT_BACKLOG = 32;

/** The stream kind of each transport. */
export const KIND_OF: Readonly<Record<string, StreamKind>> = {
  tcp: "tcp_socket",
  udp: "udp_socket",
  unix: "unix_socket",
  udg: "udg_socket",
};

function isUnix(kind: StreamKind): boolean {
  return kind === "unix_socket" || kind === "udg_socket";
}

function socktypeOf(kind: StreamKind): number {
  return kind === "udp_socket" || kind === "udg_socket" ? P.SOCK_DGRAM : P.SOCK_STREAM;
}

function setIntOption(fd: SocketHandle, level: number, name: number, value: number): void {
  const v = new Int32Array([value]);
  sys().setsockopt(fd, level, name, new Uint8Array(v.buffer), 4);
}

function unixTarget(fn: string, target: string): SockAddr {
  return unixAddress(unixPath(fn, stringToBytes(target)));
}

/** A bound (and listening) descriptor, or the failure to report. */
export type Made = { fd: SocketHandle; pending?: boolean } | NetError;

function bindUnix(fn: string, kind: StreamKind, target: string): Made {
  const s = sys();
  const dgram = kind === "udg_socket";
  const fd = s.socket(P.AF_UNIX, socktypeOf(kind), 0);
  if (fd < 0) {
    const text = `Failed to create unix${dgram ? "datagram" : ""} socket ${
      s.strerror(s.lastError())
    }`;
    return { code: 0, text };
  }
  const addr = unixTarget(fn, target);
  const missing = missingAddressPermission(addr, P.AF_UNIX);
  if (missing !== null || s.bind(fd, addr.bytes, addr.length) < 0) {
    s.close(fd);
    // PHP gives no text for a failed Unix bind ("Unknown error").
    return { code: 0, text: missing === null ? null : errorText(P.SOCKET_EACCES, missing) };
  }
  return { fd };
}

function bindInet(
  fn: string,
  kind: StreamKind,
  target: string,
  context: SocketContextOptions | null,
): Made {
  const parsed = parseHostPort(target);
  if ("error" in parsed) return { code: 0, text: parsed.error };
  const socktype = socktypeOf(kind);
  const found = getAddresses(fn, parsed.host, socktype, parsed.port & 0xffff);
  if (!Array.isArray(found)) return found;
  const s = sys();
  let err = 0;
  let missing: string | null = null;
  for (const entry of found) {
    const addr = withPort(entry, parsed.port);
    if (addr === null) continue;
    const fd = s.socket(entry.family, socktype, 0);
    if (fd < 0) continue;
    setIntOption(fd, P.SOL_SOCKET, P.SO_REUSEADDR, 1);
    const v6only = context?.ipv6_v6only;
    if (v6only !== undefined && v6only !== null && P.IPV6_V6ONLY !== undefined) {
      setIntOption(fd, P.IPPROTO_IPV6, P.IPV6_V6ONLY, truthy(v6only) ? 1 : 0);
    }
    if (truthy(context?.so_reuseport) && P.SO_REUSEPORT !== undefined) {
      setIntOption(fd, P.SOL_SOCKET, P.SO_REUSEPORT, 1);
    }
    if (kind === "udp_socket" && truthy(context?.so_broadcast)) {
      setIntOption(fd, P.SOL_SOCKET, P.SO_BROADCAST, 1);
    }
    missing = missingAddressPermission(addr, entry.family);
    if (missing === null && s.bind(fd, addr.bytes, addr.length) === 0) return { fd };
    err = missing === null ? s.lastError() : P.SOCKET_EACCES;
    s.close(fd);
  }
  return { code: 0, text: errorText(err, missing) };
}

/**
 * The descriptor of a server stream: bound to `target`, listening when
 * `listen` is set (backlog: the context's `backlog`, else 32).
 */
export function makeServer(
  fn: string,
  kind: StreamKind,
  target: string,
  listen: boolean,
  context: SocketContextOptions | null,
): Made {
  const made = isUnix(kind) ? bindUnix(fn, kind, target) : bindInet(fn, kind, target, context);
  if (!("fd" in made) || !listen) return made;
  const backlog = context?.backlog !== undefined ? toLong(context.backlog) | 0 : DEFAULT_BACKLOG;
  if (sys().listen(made.fd, backlog) < 0) {
    sys().close(made.fd);
    // PHP's listen() failure carries no text either.
    return { code: 0, text: null };
  }
  return made;
}

/** The local address a client binds to first (the context's `bindto`), for one family. */
function bindLocal(
  name: string,
  fd: SocketHandle,
  family: number,
  bindto: string,
  bindport: number,
): void {
  const s = sys();
  const raw = s.inetPton(family, bindto);
  if (P.IP_BIND_ADDRESS_NO_PORT !== undefined) {
    setIntOption(fd, P.IPPROTO_IP, P.IP_BIND_ADDRESS_NO_PORT, 1);
  }
  if (raw === null) {
    warn(name, `Invalid IP Address: ${bindto}`);
    return;
  }
  const addr = family === AF_INET ? inetAddress(raw, bindport) : inet6Address(raw, bindport);
  if (s.bind(fd, addr.bytes, addr.length) < 0) {
    warn(
      name,
      `Failed to bind to '${bindto}:${bindport}', system said: ${s.strerror(s.lastError())}`,
    );
  }
}

function connectUnix(
  name: string,
  kind: StreamKind,
  target: string,
  async: boolean,
  timeoutMs: number,
): Made {
  const s = sys();
  const fd = s.socket(P.AF_UNIX, socktypeOf(kind), 0);
  if (fd < 0) return { code: 0, text: "Failed to create unix socket" };
  const r = connectSocket(fd, unixTarget(name, target), P.AF_UNIX, async, timeoutMs);
  if ("code" in r) {
    s.close(fd);
    return r;
  }
  return { fd, pending: r.pending };
}

function connectInet(
  name: string,
  kind: StreamKind,
  target: string,
  async: boolean,
  timeoutMs: number,
  context: SocketContextOptions | null,
): Made {
  const parsed = parseHostPort(target);
  if ("error" in parsed) return { code: 0, text: parsed.error };
  let bindto: string | null = null;
  let bindport = 0;
  if (context?.bindto !== undefined) {
    if (typeof context.bindto !== "string") {
      return { code: 0, text: "local_addr context option is not a string." };
    }
    const local = parseHostPort(context.bindto);
    if (!("error" in local)) {
      bindto = local.host;
      bindport = local.port & 0xffff;
    }
  }
  const socktype = socktypeOf(kind);
  const found = getAddresses(name, parsed.host, socktype, parsed.port & 0xffff);
  if (!Array.isArray(found)) return found;
  const s = sys();
  const deadline = timeoutMs < 0 ? Infinity : performance.now() + timeoutMs;
  let failure: NetError = { code: 0, text: null };
  for (const entry of found) {
    let local = bindto;
    if (entry.family === AF_INET6) {
      if (local !== null && !local.includes(":")) continue;
    } else if (entry.family === AF_INET) {
      if (local !== null && (local.includes(":") || local === "0")) local = null;
    } else continue;
    const addr = withPort(entry, parsed.port);
    if (addr === null) continue;
    const fd = s.socket(entry.family, socktype, 0);
    if (fd < 0) continue;
    if (local !== null) bindLocal(name, fd, entry.family, local, bindport);
    if (kind === "udp_socket" && truthy(context?.so_broadcast)) {
      setIntOption(fd, P.SOL_SOCKET, P.SO_BROADCAST, 1);
    }
    if (kind === "tcp_socket" && truthy(context?.tcp_nodelay)) {
      setIntOption(fd, P.SOL_TCP, P.TCP_NODELAY, 1);
    }
    const left = deadline === Infinity ? -1 : Math.max(0, Math.floor(deadline - performance.now()));
    const r = connectSocket(fd, addr, entry.family, async, left);
    if (!("code" in r)) return { fd, pending: r.pending };
    failure = r;
    s.close(fd);
    if (performance.now() >= deadline) break;
  }
  return failure;
}

/**
 * The descriptor of a client stream connected to `target` within
 * `timeoutMs` (-1: no limit), or still connecting when `async`.
 */
export function makeClient(
  name: string,
  kind: StreamKind,
  target: string,
  async: boolean,
  timeoutMs: number,
  context: SocketContextOptions | null,
): Made {
  return isUnix(kind)
    ? connectUnix(name, kind, target, async, timeoutMs)
    : connectInet(name, kind, target, async, timeoutMs, context);
}
