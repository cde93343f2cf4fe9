/**
 * Binding, connecting and naming: `socket_bind`, `socket_connect`,
 * `socket_getsockname`, `socket_getpeername`.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import type { Ref } from "./args.ts";
import {
  byteStringArg,
  checkArgCount,
  checkOpen,
  familyError,
  inetPortArg,
  intArg,
  optionalIntArg,
  optionalRefArg,
  refArg,
  socketArg,
  stringArg,
} from "./args.ts";
import { ValueError } from "./errors.ts";
import { allowed } from "./permissions.ts";
import { failed } from "./report.ts";
import type { SockAddr } from "./sockaddr.ts";
import {
  addressOut,
  clearAddressOut,
  decodeAddress,
  resolveInet,
  UNIX_PATH_MAX,
  unixAddress,
} from "./sockaddr.ts";
import type { Socket, SocketState } from "./socket.ts";

const { AF_UNIX, AF_INET, AF_INET6 } = platform.php;

/**
 * The address for bind/connect on the socket's family, or `null` after a
 * failed lookup (already reported).
 */
function targetAddress(
  fn: string,
  state: SocketState,
  address: string,
  port: number | null,
  portPos: number,
): SockAddr | null {
  if (state.family === AF_UNIX) {
    const path = byteStringArg(fn, 2, "address", address);
    if (path.length >= UNIX_PATH_MAX) {
      throw new ValueError(`${fn}(): Argument #2 ($address) must be less than ${UNIX_PATH_MAX}`);
    }
    return unixAddress(path);
  }
  if (state.family !== AF_INET && state.family !== AF_INET6) throw familyError(fn);
  return resolveInet(
    fn,
    state,
    state.family,
    address,
    inetPortArg(fn, portPos, state.family, port),
  );
}

/**
 * bind()/connect(): builds the address, checks the runtime's permission for
 * it, makes the call, and reports a failure under `msg` as PHP does.
 */
function useAddress(
  fn: string,
  state: SocketState,
  address: string,
  port: number | null,
  msg: string,
  call: (h: number, addr: Uint8Array, len: number) => number,
): boolean {
  const addr = targetAddress(fn, state, address, port, 3);
  if (!addr || !allowed(fn, state, msg, addr, state.family)) return false;
  return !failed(call(state.fd, addr.bytes, addr.length), state, fn, msg);
}

/**
 * Binds a name to a socket (C `bind()`).
 *
 * @param socket The socket.
 * @param address An IPv4/IPv6 address (or host name) for AF_INET/AF_INET6 sockets
 *   (an IPv4 address on an AF_INET6 socket becomes v4-mapped), or a path for
 *   AF_UNIX (a leading NUL byte makes a Linux abstract name).
 * @param port The port, 0 for any free one; ignored for AF_UNIX.
 * @returns `true`, or `false` with a warning `Unable to bind address [code]: text`.
 * @throws {ValueError} For an AF_UNIX path of 108 bytes or more, or a port outside 0..65535.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SOCK_DGRAM, socket_bind, socket_create } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_DGRAM, 0);
 * if (s) socket_bind(s, "127.0.0.1", 0);
 * ```
 *
 * Differences from PHP: a port outside 0..65535 throws (PHP 8.5) instead of
 * wrapping to 16 bits (PHP 8.2-8.4). Under Deno it needs net permission for
 * `address:port` (or read and write permission for a Unix path).
 */
export function socket_bind(socket: Socket, address: string, port: number = 0): boolean {
  const fn = "socket_bind";
  checkArgCount(fn, arguments.length, 2, 3);
  const state = socketArg(fn, 1, "socket", socket);
  address = stringArg(fn, 2, "address", address);
  port = intArg(fn, 3, "port", port);
  checkOpen(fn, state);
  return useAddress(fn, state, address, port, "Unable to bind address", sys().bind);
}

/**
 * Connects a socket (C `connect()`).
 *
 * @param socket The socket.
 * @param address The peer's address (or host name), or an AF_UNIX path.
 * @param port The peer's port: required for AF_INET/AF_INET6, ignored for AF_UNIX.
 * @returns `true`, or `false` with a warning `unable to connect [code]: text`. A
 *   non-blocking socket returns `false` without a warning and
 *   `socket_last_error()` = `SOCKET_EINPROGRESS`.
 * @throws {ValueError} For a missing port, a port outside 0..65535, or a too long path.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SOCK_STREAM, socket_connect, socket_create } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_STREAM, 0);
 * // if (s) socket_connect(s, "127.0.0.1", 8080);
 * ```
 *
 * Differences from PHP: a port outside 0..65535 throws instead of wrapping.
 * Under Deno it needs net permission for `address:port` (or read and write
 * permission for a Unix path).
 */
export function socket_connect(
  socket: Socket,
  address: string,
  port: number | null = null,
): boolean {
  const fn = "socket_connect";
  checkArgCount(fn, arguments.length, 2, 3);
  const state = socketArg(fn, 1, "socket", socket);
  address = stringArg(fn, 2, "address", address);
  const p = optionalIntArg(fn, 3, "port", port);
  checkOpen(fn, state);
  return useAddress(fn, state, address, p, "unable to connect", sys().connect);
}

type NameCall = (h: number, addr: Uint8Array, len: Uint32Array) => number;

function getName(
  fn: string,
  msg: string,
  call: NameCall,
  socket: Socket,
  address: Ref<string>,
  port: Ref<number> | null | undefined,
  given: number,
): boolean {
  checkArgCount(fn, given, 2, 3);
  const state = socketArg(fn, 1, "socket", socket);
  const addressRef = refArg<string>(fn, 2, "address", address);
  const portRef = optionalRefArg<number>(fn, 3, "port", port);
  checkOpen(fn, state);
  const { bytes, length } = addressOut;
  clearAddressOut();
  if (failed(call(state.fd, bytes, length), state, fn, msg)) return false;
  const decoded = decodeAddress(bytes, Math.min(length[0], bytes.length), state.family);
  if (decoded.family !== AF_UNIX && decoded.family !== AF_INET && decoded.family !== AF_INET6) {
    throw familyError(fn);
  }
  addressRef.value = decoded.address;
  if (portRef && decoded.port !== undefined) portRef.value = decoded.port;
  return true;
}

/**
 * Gets the local address of a socket (C `getsockname()`).
 *
 * @param socket The socket.
 * @param address Receives the address: dotted quad, IPv6 text (no brackets),
 *   or the AF_UNIX path (`""` for unnamed sockets and abstract names).
 * @param port Receives the port (AF_INET/AF_INET6 only; untouched for AF_UNIX).
 * @returns `true`, or `false` with a warning `unable to retrieve socket name [code]: text`.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { socket_create_listen, socket_getsockname } from "./mod.ts";
 * const server = socket_create_listen(0);
 * const address = { value: "" }, port = { value: 0 };
 * if (server) socket_getsockname(server, address, port); // port.value > 0
 * ```
 */
export function socket_getsockname(
  socket: Socket,
  address: Ref<string>,
  port?: Ref<number> | null,
): boolean {
  const s = sys();
  return getName(
    "socket_getsockname",
    "unable to retrieve socket name",
    s.getsockname,
    socket,
    address,
    port,
    arguments.length,
  );
}

/**
 * Gets the address of a socket's peer (C `getpeername()`).
 *
 * @param socket A connected socket.
 * @param address Receives the peer's address (as for {@link socket_getsockname}).
 * @param port Receives the peer's port (AF_INET/AF_INET6 only).
 * @returns `true`, or `false` with a warning `unable to retrieve peer name [code]: text`.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { socket_getpeername } from "./mod.ts";
 * const address = { value: "" }, port = { value: 0 };
 * // socket_getpeername(client, address, port);
 * ```
 */
export function socket_getpeername(
  socket: Socket,
  address: Ref<string>,
  port?: Ref<number> | null,
): boolean {
  const s = sys();
  return getName(
    "socket_getpeername",
    "unable to retrieve peer name",
    s.getpeername,
    socket,
    address,
    port,
    arguments.length,
  );
}
