/**
 * Creating, accepting, closing and configuring sockets: `socket_create`,
 * `socket_create_pair`, `socket_create_listen`, `socket_listen`,
 * `socket_accept`, `socket_shutdown`, `socket_close`, `socket_set_block`,
 * `socket_set_nonblock`.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import {
  checkArgCount,
  checkOpen,
  intArg,
  openSocketArg,
  portArg,
  socketArg,
  toCInt,
} from "./args.ts";
import { ValueError } from "./errors.ts";
import { allowed } from "./permissions.ts";
import { failed, globalError } from "./report.ts";
import { addressFamily, addressOut, clearAddressOut, inetAddress } from "./sockaddr.ts";
import { closeState, newSocket, type Socket } from "./socket.ts";

const P = platform.php;
const TYPE_FLAGS = (P.SOCK_NONBLOCK ?? 0) | (P.SOCK_CLOEXEC ?? 0);
const TYPE_FLAGS_TEXT = TYPE_FLAGS ? " optionally OR'ed with SOCK_CLOEXEC, SOCK_NONBLOCK" : "";
const MAX_SOCKET_TYPE = 10;

/** PHP's domain and type checks shared by socket_create and socket_create_pair. */
function checkDomainAndType(fn: string, domain: number, type: number): void {
  if (domain !== P.AF_UNIX && domain !== P.AF_INET6 && domain !== P.AF_INET) {
    throw new ValueError(
      `${fn}(): Argument #1 ($domain) must be one of AF_UNIX, AF_INET6, or AF_INET`,
    );
  }
  if ((type & ~TYPE_FLAGS) > MAX_SOCKET_TYPE) {
    throw new ValueError(
      `${fn}(): Argument #2 ($type) must be one of SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_RAW, or SOCK_RDM${TYPE_FLAGS_TEXT}`,
    );
  }
}

/**
 * Creates a socket (C `socket()`).
 *
 * @param domain `AF_UNIX`, `AF_INET` or `AF_INET6`.
 * @param type `SOCK_STREAM`, `SOCK_DGRAM`, `SOCK_SEQPACKET`, `SOCK_RAW` or `SOCK_RDM`,
 *   optionally OR'ed with `SOCK_NONBLOCK` and `SOCK_CLOEXEC`.
 * @param protocol A protocol number, usually 0, `SOL_TCP` or `SOL_UDP`.
 * @returns The new Socket, or `false` with a warning `Unable to create socket [code]: text`.
 * @throws {ValueError} For a domain or type PHP does not accept.
 * @example
 * ```ts
 * import { AF_INET, SOCK_DGRAM, socket_close, socket_create, SOL_UDP } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
 * if (s) socket_close(s);
 * ```
 *
 * Differences from PHP: as PHP 8.4 does, `SOCK_NONBLOCK`/`SOCK_CLOEXEC` are
 * accepted in `type` (8.2 and 8.3 reject them).
 */
export function socket_create(domain: number, type: number, protocol: number): Socket | false {
  const fn = "socket_create";
  checkArgCount(fn, arguments.length, 3, 3);
  domain = intArg(fn, 1, "domain", domain);
  type = intArg(fn, 2, "type", type);
  protocol = intArg(fn, 3, "protocol", protocol);
  checkDomainAndType(fn, domain, type);
  const s = sys();
  const fd = s.socket(domain, toCInt(type), toCInt(protocol));
  if (fd < 0) {
    globalError(fn, "Unable to create socket", s.lastError());
    return false;
  }
  return newSocket(fd, domain);
}

/** socketpair()'s out-parameter, reused (a new typed array per FFI call is slow in Deno). */
const pairOut = new Int32Array(2);

/**
 * Creates a pair of connected sockets (C `socketpair()`).
 *
 * @param domain Usually `AF_UNIX` (Linux supports no other).
 * @param type `SOCK_STREAM`, `SOCK_DGRAM` or `SOCK_SEQPACKET`.
 * @param protocol Usually 0.
 * @param pair An array (or object) that receives the two sockets at indexes 0 and 1;
 *   its previous content is discarded, as PHP replaces `&$pair`.
 * @returns `true`, or `false` with a warning `Unable to create socket pair [code]: text`
 *   (then `pair` is untouched).
 * @throws {ValueError} For a domain or type PHP does not accept.
 * @example
 * ```ts
 * import { AF_UNIX, SOCK_STREAM, socket_create_pair, socket_read, socket_write } from "./mod.ts";
 * const pair: unknown[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * ```
 */
export function socket_create_pair(
  domain: number,
  type: number,
  protocol: number,
  pair: unknown[] | Record<string | number, unknown>,
): boolean {
  const fn = "socket_create_pair";
  checkArgCount(fn, arguments.length, 4, 4);
  domain = intArg(fn, 1, "domain", domain);
  type = intArg(fn, 2, "type", type);
  protocol = intArg(fn, 3, "protocol", protocol);
  if (typeof pair !== "object" || pair === null) {
    throw new TypeError(`${fn}(): Argument #4 ($pair) must be an array to fill in place`);
  }
  checkDomainAndType(fn, domain, type);
  const s = sys();
  const fds = pairOut;
  if (s.socketpair(domain, toCInt(type), toCInt(protocol), fds) < 0) {
    globalError(fn, "Unable to create socket pair", s.lastError());
    return false;
  }
  const sockets = [newSocket(fds[0], domain), newSocket(fds[1], domain)];
  if (Array.isArray(pair)) {
    pair.length = 0;
    pair.push(...sockets);
  } else {
    for (const key of Object.keys(pair)) delete pair[key];
    pair[0] = sockets[0];
    pair[1] = sockets[1];
  }
  return true;
}

/**
 * Opens a TCP/IPv4 socket listening on all interfaces at `port` (on
 * Windows, as in PHP there, on 127.0.0.1 only).
 *
 * @param port 0 to 65535 (0 picks a free port; read it with `socket_getsockname`).
 * @param backlog The listen queue length; `SOMAXCONN` by default (PHP 8.4).
 * @returns The listening Socket, or `false` with a warning naming the failed step.
 * @throws {ValueError} For a port outside 0..65535 (PHP 8.2-8.4 wrap it to 16 bits).
 * @example
 * ```ts
 * import { socket_close, socket_create_listen } from "./mod.ts";
 * const server = socket_create_listen(0);
 * if (server) socket_close(server);
 * ```
 *
 * Differences from PHP: like `stream_socket_server` it needs Deno's net
 * permission for `0.0.0.0:port` (`127.0.0.1:port` on Windows).
 */
export function socket_create_listen(port: number, backlog: number = P.SOMAXCONN): Socket | false {
  const fn = "socket_create_listen";
  checkArgCount(fn, arguments.length, 1, 2);
  port = portArg(fn, 1, intArg(fn, 1, "port", port));
  backlog = intArg(fn, 2, "backlog", backlog);
  const s = sys();
  const addr = inetAddress(new Uint8Array(platform.listenAddress), port);
  // PHP records these failures on a temporary socket object that is then
  // discarded, so only the global code is observable: report with no socket.
  const fd = s.socket(P.AF_INET, P.SOCK_STREAM, 0);
  if (failed(fd, null, fn, "unable to create listening socket")) return false;
  const bindMsg = "unable to bind to given address";
  const listening = allowed(fn, null, bindMsg, addr, P.AF_INET)
    && !failed(s.bind(fd, addr.bytes, addr.length), null, fn, bindMsg)
    && !failed(s.listen(fd, toCInt(backlog)), null, fn, "unable to listen on socket");
  if (!listening) {
    s.close(fd);
    return false;
  }
  return newSocket(fd, P.AF_INET);
}

/**
 * Marks a socket as accepting connections (C `listen()`).
 *
 * @param socket A bound SOCK_STREAM or SOCK_SEQPACKET socket.
 * @param backlog The queue length (0 by default, as in PHP).
 * @returns `true`, or `false` with a warning `unable to listen on socket [code]: text`.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SOCK_STREAM, socket_bind, socket_create, socket_listen } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_STREAM, 0);
 * if (s && socket_bind(s, "127.0.0.1", 0)) socket_listen(s, 16);
 * ```
 */
export function socket_listen(socket: Socket, backlog: number = 0): boolean {
  const fn = "socket_listen";
  checkArgCount(fn, arguments.length, 1, 2);
  const state = socketArg(fn, 1, "socket", socket);
  backlog = intArg(fn, 2, "backlog", backlog);
  checkOpen(fn, state);
  const s = sys();
  if (failed(s.listen(state.fd, toCInt(backlog)), state, fn, "unable to listen on socket")) {
    return false;
  }
  return true;
}

/**
 * Accepts a connection on a listening socket (C `accept()`).
 *
 * @param socket A listening socket.
 * @returns The connected Socket (blocking, whatever the listener's mode), or `false`.
 *   A non-blocking listener with nothing pending gives `false` without a warning,
 *   `socket_last_error()` = `SOCKET_EAGAIN`. The error is stored globally only,
 *   not on the listener, as in PHP.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { socket_accept, socket_create_listen } from "./mod.ts";
 * const server = socket_create_listen(0);
 * // const client = server && socket_accept(server);
 * ```
 */
export function socket_accept(socket: Socket): Socket | false {
  const fn = "socket_accept";
  const state = openSocketArg(fn, socket, arguments.length);
  const s = sys();
  const { bytes, length } = addressOut;
  clearAddressOut();
  const fd = s.accept(state.fd, bytes, length);
  if (failed(fd, null, fn, "unable to accept incoming connection")) return false;
  return newSocket(fd, addressFamily(bytes, length[0], state.family));
}

/**
 * Shuts down reading, writing or both (C `shutdown()`).
 *
 * @param socket A connected socket.
 * @param mode 0 (reading), 1 (writing) or 2 (both, the default).
 * @returns `true`, or `false` with a warning `Unable to shutdown socket [code]: text`.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_UNIX, SOCK_STREAM, socket_create_pair, socket_shutdown } from "./mod.ts";
 * const pair: unknown[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * ```
 */
export function socket_shutdown(socket: Socket, mode: number = 2): boolean {
  const fn = "socket_shutdown";
  checkArgCount(fn, arguments.length, 1, 2);
  const state = socketArg(fn, 1, "socket", socket);
  mode = intArg(fn, 2, "mode", mode);
  checkOpen(fn, state);
  const s = sys();
  if (failed(s.shutdown(state.fd, toCInt(mode)), state, fn, "Unable to shutdown socket")) {
    return false;
  }
  return true;
}

/**
 * Closes a socket (C `close()`). Any later use of it throws.
 *
 * @param socket An open socket.
 * @throws {Error} `socket_close(): Argument #1 ($socket) has already been closed`.
 * @throws {TypeError} `socket_close(): supplied resource is not a valid stream resource`
 *   for a socket whose stream (`socket_import_stream()`, `socket_export_stream()`)
 *   was closed by `fclose()`; the socket is closed all the same, as in PHP.
 * @example
 * ```ts
 * import { AF_INET, SOCK_STREAM, socket_close, socket_create } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_STREAM, 0);
 * if (s) socket_close(s);
 * ```
 */
export function socket_close(socket: Socket): void {
  const fn = "socket_close";
  if (!closeState(openSocketArg(fn, socket, arguments.length))) {
    // A socket whose shared stream was fclose()d: closed now, and PHP says so.
    throw new TypeError(`${fn}(): supplied resource is not a valid stream resource`);
  }
}

function setMode(fn: string, socket: Socket, nonBlocking: boolean, given: number): boolean {
  const state = openSocketArg(fn, socket, given);
  // A socket sharing its descriptor with a stream goes through the stream first.
  if (state.link?.setBlocking(!nonBlocking)) {
    state.blocking = !nonBlocking;
    return true;
  }
  const s = sys();
  const msg = nonBlocking ? "unable to set nonblocking mode" : "unable to set blocking mode";
  if (failed(s.setNonBlocking(state.fd, nonBlocking), state, fn, msg)) return false;
  state.blocking = !nonBlocking;
  return true;
}

/**
 * Puts a socket in non-blocking mode (`O_NONBLOCK`): calls that would wait
 * return `false` with `SOCKET_EAGAIN` (or `SOCKET_EINPROGRESS` for connect).
 *
 * @returns `true`, or `false` with a warning `unable to set nonblocking mode [code]: text`.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SOCK_STREAM, socket_create, socket_set_nonblock } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_STREAM, 0);
 * if (s) socket_set_nonblock(s);
 * ```
 */
export function socket_set_nonblock(socket: Socket): boolean {
  return setMode("socket_set_nonblock", socket, true, arguments.length);
}

/**
 * Puts a socket back in blocking mode.
 *
 * @returns `true`, or `false` with a warning `unable to set blocking mode [code]: text`.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SOCK_STREAM, socket_create, socket_set_block } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_STREAM, 0);
 * if (s) socket_set_block(s);
 * ```
 */
export function socket_set_block(socket: Socket): boolean {
  return setMode("socket_set_block", socket, false, arguments.length);
}
