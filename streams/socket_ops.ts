/**
 * The socket-level stream functions: `stream_socket_get_name`,
 * `stream_socket_recvfrom`, `stream_socket_sendto`,
 * `stream_socket_shutdown`, `stream_socket_pair`, `stream_get_transports`.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import type { Ref } from "../sockets/args.ts";
import {
  byteStringArg,
  checkArgCount,
  dataArg,
  intArg,
  optionalRefArg,
  stringArg,
} from "../sockets/args.ts";
import { bytesToString } from "../sockets/bytes.ts";
import { ValueError, warn } from "../sockets/errors.ts";
import { inet6Address, inetAddress, SOCKADDR_STORAGE_SIZE } from "../sockets/sockaddr.ts";
import type { SockAddr } from "../sockets/sockaddr.ts";
import { STREAM_OOB, STREAM_PEEK } from "./constants.ts";
import {
  getAddresses,
  missingAddressPermission,
  socketName,
  textAddress,
  withPort,
} from "./network.ts";
import { newStream, streamArg } from "./stream.ts";
import type { Stream } from "./stream.ts";
import { atoi, cText, TRANSPORTS } from "./url.ts";

const P = platform.php;
const { AF_INET, AF_INET6 } = P;
const { SOCKET_EACCES: EACCES } = P;
/** The most one `stream_socket_recvfrom()` call asks the kernel for. */
const MAX_RECV = 1 << 30;

/**
 * The local or remote address of a socket stream (C `getsockname()` /
 * `getpeername()`).
 *
 * @param socket A socket stream.
 * @param remote `true` for the peer's address.
 * @returns `"127.0.0.1:41234"`, `"[::1]:41234"` or a Unix path; `false`
 *   when there is none (not connected, unnamed or abstract Unix sockets,
 *   socket pairs) or the call failed.
 * @throws {TypeError} If `socket` is not an open stream.
 * @example
 * ```ts
 * import { stream_socket_get_name, stream_socket_server } from "./mod.ts";
 * const server = stream_socket_server("tcp://127.0.0.1:0");
 * if (server) console.log(stream_socket_get_name(server, false)); // "127.0.0.1:…"
 * ```
 */
export function stream_socket_get_name(socket: Stream, remote: boolean): string | false {
  const fn = "stream_socket_get_name";
  checkArgCount(fn, arguments.length, 2, 2);
  const state = streamArg(fn, 1, "socket", socket);
  if (typeof remote !== "boolean") {
    throw new TypeError(`${fn}(): Argument #2 ($remote) must be of type bool`);
  }
  const name = socketName(state.fd, remote);
  if (name === null || name === "" || name.charCodeAt(0) === 0) return false;
  return name;
}

/**
 * Receives data directly from the socket, bypassing the stream's read
 * buffer (C `recv()`/`recvfrom()`); it does not wait for the stream's
 * timeout.
 *
 * @param socket A socket stream.
 * @param length The most bytes to receive (> 0).
 * @param flags `STREAM_OOB` (out-of-band data) and/or `STREAM_PEEK` (leave
 *   the data queued).
 * @param address Receives the sender's address (`"ip:port"`,
 *   `"[v6]:port"`, a Unix path, `""` for an unnamed sender); set to `null`
 *   first.
 * @returns The bytes (`""` at end of file), or `false` on failure,
 *   including `EAGAIN` on a non-blocking stream.
 * @throws {ValueError} If `length` is not positive.
 * @throws {TypeError} If `socket` is not an open stream.
 * @example
 * ```ts
 * import { STREAM_SERVER_BIND, stream_socket_recvfrom, stream_socket_server } from "./mod.ts";
 * const server = stream_socket_server("udp://127.0.0.1:0", null, null, STREAM_SERVER_BIND);
 * const from = { value: null as string | null };
 * // const data = server && stream_socket_recvfrom(server, 1500, 0, from);
 * ```
 *
 * Differences from PHP: when `fgets()`/`fread()` left bytes in the read
 * buffer, PHP first copies bytes from the start of its buffer (wrongly);
 * here the call always reads the socket.
 */
export function stream_socket_recvfrom(
  socket: Stream,
  length: number,
  flags: number = 0,
  address: Ref<string | null> | null = null,
): string | false {
  const fn = "stream_socket_recvfrom";
  checkArgCount(fn, arguments.length, 2, 4);
  const state = streamArg(fn, 1, "socket", socket);
  length = intArg(fn, 2, "length", length);
  flags = intArg(fn, 3, "flags", flags);
  const addressRef = optionalRefArg<string | null>(fn, 4, "address", address);
  if (addressRef) addressRef.value = null;
  if (length <= 0) throw new ValueError(`${fn}(): Argument #2 ($length) must be greater than 0`);
  let native = 0;
  if (flags & STREAM_OOB) native |= P.MSG_OOB;
  if (flags & STREAM_PEEK) native |= P.MSG_PEEK;
  const s = sys();
  const buf = new Uint8Array(Math.min(length, MAX_RECV));
  let n: number;
  let from: string | null = null;
  if (addressRef) {
    const addr = new Uint8Array(SOCKADDR_STORAGE_SIZE);
    const len = new Uint32Array([addr.length]);
    n = s.recvfrom(state.fd, buf, buf.length, native, addr, len);
    if (n >= 0) from = len[0] > 0 ? textAddress(addr, Math.min(len[0], addr.length)) : "";
  } else {
    n = s.recv(state.fd, buf, buf.length, native);
  }
  if (n < 0) return false;
  if (addressRef && from !== null) addressRef.value = from;
  return bytesToString(buf.subarray(0, n));
}

/**
 * PHP's `php_network_parse_network_address_with_port`: `[v6]:port` or
 * `host:port` (port as a C `short`), numeric first, else resolved.
 */
function parseTarget(fn: string, text: string): { addr: SockAddr; family: number } | null {
  let host: string;
  let port: number;
  if (text.startsWith("[")) {
    const close = text.indexOf("]", 1);
    if (close < 0 || text[close + 1] !== ":") return null;
    host = text.slice(1, close);
    port = atoi(text.slice(close + 2));
  } else {
    const colon = text.indexOf(":");
    if (colon < 0) return null;
    host = text.slice(0, colon);
    port = atoi(text.slice(colon + 1));
  }
  const s = sys();
  const v6 = s.inetPton(AF_INET6, host);
  if (v6 !== null) return { addr: inet6Address(v6, port & 0xffff), family: AF_INET6 };
  const v4 = s.inetPton(AF_INET, host);
  if (v4 !== null) return { addr: inetAddress(v4, port & 0xffff), family: AF_INET };
  const found = getAddresses(fn, host, P.SOCK_DGRAM, port & 0xffff);
  if (!Array.isArray(found)) {
    warn(fn, `Failed to resolve \`${cText(host)}': ${found.text}`);
    return null;
  }
  const first = found.length > 0 ? withPort(found[0], port) : null;
  return first === null ? null : { addr: first, family: found[0].family };
}

/**
 * Sends data directly on the socket (C `send()`/`sendto()`), bypassing
 * the stream's buffers.
 *
 * @param socket A socket stream.
 * @param data A byte string or a Uint8Array.
 * @param flags `STREAM_OOB` for out-of-band data.
 * @param address The destination (`"ip:port"` or `"[v6]:port"`; a host
 *   name is resolved), or `""` for the connected peer.
 * @returns The number of bytes sent; `-1` (not `false`) with a warning
 *   (the system's error text and a newline) when sending failed; `false`
 *   with a warning ``Failed to parse `<address>' into a valid network address``.
 * @throws {TypeError} If `socket` is not an open stream.
 * @example
 * ```ts
 * import { stream_socket_client, stream_socket_sendto } from "./mod.ts";
 * const udp = stream_socket_client("udp://127.0.0.1:9");
 * if (udp) stream_socket_sendto(udp, "ping"); // 4
 * ```
 *
 * Differences from PHP: under Deno the destination needs net permission.
 */
export function stream_socket_sendto(
  socket: Stream,
  data: string | ArrayBufferView,
  flags: number = 0,
  address: string = "",
): number | false {
  const fn = "stream_socket_sendto";
  checkArgCount(fn, arguments.length, 2, 4);
  const state = streamArg(fn, 1, "socket", socket);
  const bytes = dataArg(fn, 2, "data", data);
  flags = intArg(fn, 3, "flags", flags);
  address = stringArg(fn, 4, "address", address);
  byteStringArg(fn, 4, "address", address);
  let target: { addr: SockAddr; family: number } | null = null;
  if (address !== "") {
    target = parseTarget(fn, address);
    if (target === null) {
      warn(fn, `Failed to parse \`${cText(address)}' into a valid network address`);
      return false;
    }
  }
  const native = (flags & STREAM_OOB) ? P.MSG_OOB : 0;
  const s = sys();
  let n: number;
  if (target !== null) {
    const missing = missingAddressPermission(target.addr, target.family);
    if (missing !== null) {
      warn(fn, `${s.strerror(EACCES)} (Deno: this needs ${missing})\n`);
      return -1;
    }
    n = s.sendto(state.fd, bytes, bytes.length, native, target.addr.bytes, target.addr.length);
  } else {
    n = s.send(state.fd, bytes, bytes.length, native);
  }
  if (n < 0) {
    warn(fn, `${s.strerror(s.lastError())}\n`);
    return -1;
  }
  return n;
}

/**
 * Shuts down reading, writing or both on a socket stream (C `shutdown()`).
 *
 * @param stream A socket stream.
 * @param mode `STREAM_SHUT_RD`, `STREAM_SHUT_WR` or `STREAM_SHUT_RDWR`.
 * @returns Whether `shutdown()` succeeded (no warning either way).
 * @throws {ValueError} For another mode.
 * @throws {TypeError} If `stream` is not an open stream.
 * @example
 * ```ts
 * import { STREAM_PF_UNIX, STREAM_SHUT_WR, STREAM_SOCK_STREAM, stream_socket_pair, stream_socket_shutdown } from "./mod.ts";
 * const [a] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) || [];
 * stream_socket_shutdown(a, STREAM_SHUT_WR); // true: the peer reads end of file
 * ```
 */
export function stream_socket_shutdown(stream: Stream, mode: number): boolean {
  const fn = "stream_socket_shutdown";
  checkArgCount(fn, arguments.length, 2, 2);
  const state = streamArg(fn, 1, "stream", stream);
  mode = intArg(fn, 2, "mode", mode);
  if (mode !== 0 && mode !== 1 && mode !== 2) {
    throw new ValueError(
      `${fn}(): Argument #2 ($mode) must be one of STREAM_SHUT_RD, STREAM_SHUT_WR, or STREAM_SHUT_RDWR`,
    );
  }
  // SHUT_RD, SHUT_WR, SHUT_RDWR are 0, 1, 2 everywhere (Winsock's SD_* too).
  return sys().shutdown(state.fd, mode) === 0;
}

/**
 * Creates a pair of connected socket streams (C `socketpair()`).
 *
 * @param domain `STREAM_PF_UNIX` (Linux supports no other).
 * @param type `STREAM_SOCK_STREAM`, `STREAM_SOCK_DGRAM` or `STREAM_SOCK_SEQPACKET`.
 * @param protocol Usually 0.
 * @returns The two streams, or `false` with a warning
 *   `Failed to create sockets: [code]: text`.
 * @example
 * ```ts
 * import { fgets, fwrite, STREAM_PF_UNIX, STREAM_SOCK_STREAM, stream_socket_pair } from "./mod.ts";
 * const pair = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
 * if (pair) {
 *   fwrite(pair[0], "ping\n");
 *   fgets(pair[1]); // "ping\n"
 * }
 * ```
 */
export function stream_socket_pair(
  domain: number,
  type: number,
  protocol: number,
): [Stream, Stream] | false {
  const fn = "stream_socket_pair";
  checkArgCount(fn, arguments.length, 3, 3);
  domain = intArg(fn, 1, "domain", domain) | 0;
  type = intArg(fn, 2, "type", type) | 0;
  protocol = intArg(fn, 3, "protocol", protocol) | 0;
  const s = sys();
  const fds = new Int32Array(2);
  if (s.socketpair(domain, type, protocol, fds) < 0) {
    const code = s.lastError();
    warn(fn, `Failed to create sockets: [${code}]: ${s.strerror(code)}`);
    return false;
  }
  return [
    newStream({ fd: fds[0], kind: "generic_socket" }),
    newStream({ fd: fds[1], kind: "generic_socket" }),
  ];
}

/**
 * The registered socket transports: `["tcp", "udp", "unix", "udg"]`.
 *
 * @example
 * ```ts
 * import { stream_get_transports } from "./mod.ts";
 * stream_get_transports().includes("udg"); // true
 * ```
 *
 * Differences from PHP: there are no `ssl`/`tls` transports.
 */
export function stream_get_transports(): string[] {
  checkArgCount("stream_get_transports", arguments.length, 0, 0);
  return [...TRANSPORTS];
}
