/**
 * Messages with ancillary data: `socket_sendmsg`, `socket_recvmsg` and
 * `socket_cmsg_space` (reference §2B and §3).
 *
 * @module
 */

import { platform, receiveMessage, sendMessage, sys } from "../platform/mod.ts";
import { ancillaryType } from "./ancillary.ts";
import { checkArgCount, checkOpen, intArg, phpType, socketArg } from "./args.ts";
import { cmsgSpace } from "./cmsg.ts";
import { ValueError } from "./errors.ts";
import { messageToReceive, messageToSend, receivedMessage } from "./msg_convert.ts";
import type { PhpArray } from "./msg_values.ts";
import { Conversion, isPhpArray } from "./msg_values.ts";
import { allowed } from "./permissions.ts";
import { failed, globalError } from "./report.ts";
import type { Socket } from "./socket.ts";

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MAX = 2n ** 63n - 1n;

/** A socket address in a message (`name`): the keys PHP reads, by family. */
export interface MessageName {
  /** `AF_INET`, `AF_INET6` or `AF_UNIX`; absent or `null`: the socket's family. */
  family?: number | null;
  /** AF_INET/AF_INET6: the address (or a host name). */
  addr?: string;
  /** AF_INET/AF_INET6: the port. */
  port?: number;
  /** AF_INET6: the flow information. */
  flowinfo?: number;
  /** AF_INET6: the scope id. */
  scope_id?: number;
  /** AF_UNIX: the path; a leading NUL byte makes a Linux abstract name. */
  path?: string;
}

/** One element of a message's ancillary data (`control`). */
export interface ControlMessage {
  /** The protocol level, e.g. `SOL_SOCKET` or `IPPROTO_IPV6`. */
  level: number;
  /** The type, e.g. `SCM_RIGHTS`, `SCM_CREDENTIALS`, `IPV6_PKTINFO`. */
  type: number;
  /**
   * The data: a list of Sockets and streams for `SCM_RIGHTS`, `{pid, uid, gid}` for
   * `SCM_CREDENTIALS`, `{addr, ifindex}` for `IPV6_PKTINFO`, an int for
   * `IPV6_HOPLIMIT` and `IPV6_TCLASS`.
   */
  data?: unknown;
}

/** The message `socket_sendmsg()` sends. Every key is optional. */
export interface SendMessage {
  /** The destination; omit on a connected socket. */
  name?: MessageName;
  /** The data, gathered from these buffers in order. */
  iov?: readonly (string | ArrayBufferView | number)[];
  /** Ancillary data. */
  control?: readonly ControlMessage[];
}

/**
 * The message `socket_recvmsg()` takes and fills in: on input `controllen`
 * (required), `buffer_size` and `name`; on return exactly `name`, `control`,
 * `iov` and `flags`.
 */
export interface RecvMessage {
  /**
   * In: an array (only its `family` counts) to receive the sender's address.
   * Out: that address, or `null`.
   */
  name?: MessageName | null;
  /** In: the size of the data buffer (default 8192, at most 104857600). */
  buffer_size?: number;
  /** In: the size of the ancillary data buffer, e.g. from `socket_cmsg_space()`. */
  controllen?: number;
  /** Out: the ancillary data received. */
  control?: ControlMessage[];
  /** Out: the data received, as one byte string (none when 0 bytes arrived). */
  iov?: string[];
  /** Out: the message flags, e.g. `MSG_TRUNC`, `MSG_CTRUNC`. */
  flags?: number;
}

function messageArg(fn: string, value: unknown): PhpArray {
  if (!isPhpArray(value)) {
    throw new TypeError(
      `${fn}(): Argument #2 ($message) must be of type array, ${phpType(value)} given`,
    );
  }
  return value;
}

function intRange(fn: string, pos: number, name: string, value: unknown): number {
  const n = intArg(fn, pos, name, value);
  if (n < INT_MIN || n > INT_MAX) {
    throw new ValueError(
      `${fn}(): Argument #${pos} ($${name}) must be between ${INT_MIN} and ${INT_MAX}`,
    );
  }
  return n;
}

/**
 * Sends a message with ancillary data (C `sendmsg()`, with `MSG_NOSIGNAL`
 * added on Linux).
 *
 * @param socket The socket.
 * @param message `name` (the destination, as `{addr, port}`, `{path}`, ...),
 *   `iov` (the data, a list of byte strings) and `control` (a list of
 *   `{level, type, data}`); every key is optional.
 * @param flags `MSG_*` flags.
 * @returns The number of bytes sent; `false` with a warning
 *   `error converting user data (path: msghdr > ...): ...` for a malformed
 *   message, or `Error in sendmsg [code]: text` when the call fails (none for
 *   `SOCKET_EAGAIN`).
 * @throws {ValueError} If `flags` does not fit a C int.
 * @throws {TypeError} If `message` is not an array or object.
 * @throws {Error} If the socket is closed, or a value in `message` is an
 *   object PHP cannot convert to a string.
 * @example
 * ```ts
 * import { AF_UNIX, SCM_RIGHTS, SOCK_DGRAM, SOL_SOCKET, Socket, socket_create_pair, socket_sendmsg } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, pair);
 * socket_sendmsg(pair[0], {
 *   iov: ["here is ", "a socket"],
 *   control: [{ level: SOL_SOCKET, type: SCM_RIGHTS, data: [pair[0]] }],
 * }); // 16
 * ```
 *
 * Differences from PHP: `SCM_RIGHTS` sends the descriptors of the Sockets
 * it is given, in order (PHP 8.0-8.4 put a Socket's descriptor one slot too
 * far and send descriptor 0 in its place; fixed by php-src PR #22338). A
 * control element without `level` or `type` uses 0 for it (PHP reads
 * uninitialised memory). An object in `iov` that PHP cannot convert to a
 * string throws before anything is sent (PHP sends the message with `""`
 * in its place, then throws). Under Deno, a `name` needs the same
 * permission as `socket_sendto()` to that address.
 */
export function socket_sendmsg(
  socket: Socket,
  message: SendMessage,
  flags: number = 0,
): number | false {
  const fn = "socket_sendmsg";
  checkArgCount(fn, arguments.length, 2, 3);
  const state = socketArg(fn, 1, "socket", socket);
  const msg = messageArg(fn, message);
  flags = intRange(fn, 3, "flags", flags);
  checkOpen(fn, state);
  const cx = new Conversion(fn, "user", "msghdr");
  const out = messageToSend(cx, state, msg);
  if (!out) {
    cx.report();
    return false;
  }
  if (out.address && !allowed(fn, state, "Error in sendmsg", out.address, state.family)) {
    return false;
  }
  const r = sendMessage(sys(), platform, state.fd, out.parts, flags);
  if (failed(r, state, fn, "Error in sendmsg")) return false;
  return r;
}

/** Replaces the contents of a PHP array in place. */
function replaceContents(target: PhpArray, next: Record<string, unknown> | null): void {
  if (Array.isArray(target)) target.length = 0;
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key];
  if (next) Object.assign(target, next);
}

/**
 * Receives a message with ancillary data (C `recvmsg()`).
 *
 * @param socket The socket.
 * @param message In: `controllen` (required; the ancillary buffer size, see
 *   `socket_cmsg_space()`), `buffer_size` (default 8192) and `name` (present
 *   to get the sender's address). Replaced on success by exactly `name`
 *   (`null`, or e.g. `{family, addr, port}`), `control` (a list of
 *   `{level, type, data}`; received descriptors are Sockets), `iov` (one
 *   byte string, or none) and `flags` (`MSG_TRUNC`, `MSG_CTRUNC`, ...).
 * @param flags `MSG_*` flags.
 * @returns The number of bytes received; `false` with a warning
 *   `error converting user data (path: msghdr > ...): ...` for a malformed
 *   message (`message` untouched), or `Error in recvmsg [code]: text` when
 *   the call fails (always warned, even for `SOCKET_EAGAIN`; only the global
 *   error code is set, as in PHP).
 * @throws {ValueError} If `flags` does not fit a C int.
 * @throws {TypeError} If `message` is not an array or object.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_UNIX, SOCK_DGRAM, Socket, socket_create_pair, socket_recvmsg, socket_send } from "./mod.ts";
 * import type { RecvMessage } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, pair);
 * socket_send(pair[0], "hello", 5, 0);
 * const message: RecvMessage = { controllen: 64 };
 * socket_recvmsg(pair[1], message); // 5, message.iov is ["hello"]
 * ```
 *
 * Differences from PHP: when the received data cannot be represented (an
 * unsupported control message), PHP sets `$message` to `false`; here
 * `message` is left empty (no keys), with the same warning
 * `error converting native data (path: ...)`, and any descriptors received
 * are closed (PHP leaks those it had not converted yet). A received
 * descriptor that is not a socket comes back as a Socket of family
 * `AF_UNSPEC` until the module has streams (PHP returns a stdio stream).
 * With `MSG_TRUNC` on
 * a stream socket `iov` is empty (the kernel copied nothing; PHP returns
 * uninitialised memory). A `controllen` above 1 MiB allocates 1 MiB, which
 * is more than the kernel ever fills.
 */
export function socket_recvmsg(
  socket: Socket,
  message: RecvMessage,
  flags: number = 0,
): number | false {
  const fn = "socket_recvmsg";
  checkArgCount(fn, arguments.length, 2, 3);
  const state = socketArg(fn, 1, "socket", socket);
  const msg = messageArg(fn, message);
  flags = intRange(fn, 3, "flags", flags);
  checkOpen(fn, state);
  const cx = new Conversion(fn, "user", "msghdr");
  const parts = messageToReceive(cx, state, msg);
  if (!parts) {
    cx.report();
    return false;
  }
  const s = sys();
  const r = receiveMessage(s, platform, state.fd, parts, flags);
  if (r < 0) {
    globalError(fn, "Error in recvmsg", s.lastError());
    return false;
  }
  const out = new Conversion(fn, "native", "msghdr");
  const result = receivedMessage(out, state, parts, r, flags);
  replaceContents(msg, result);
  out.report();
  return r;
}

/**
 * The size of the ancillary buffer that one control message needs (C
 * `CMSG_SPACE()`), for `socket_recvmsg()`'s `controllen`.
 *
 * @param level The level, e.g. `SOL_SOCKET` or `IPPROTO_IPV6`.
 * @param type The type, e.g. `SCM_RIGHTS` or `IPV6_PKTINFO`.
 * @param num For `SCM_RIGHTS`: the number of descriptors.
 * @returns The size in bytes (on Linux x86_64: `SCM_RIGHTS` with 1 descriptor 24,
 *   `SCM_CREDENTIALS` 32, `IPV6_PKTINFO` 40).
 * @throws {ValueError} If an argument does not fit a C int, `num` is negative
 *   (`Argument #3 ($num) must be greater than or equal to 0`), or the pair is
 *   not a supported ancillary type (`Pair level 0 and/or type 9999 is not supported`).
 * @example
 * ```ts
 * import { SCM_RIGHTS, socket_cmsg_space, SOL_SOCKET } from "./mod.ts";
 * socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 3); // 32 on Linux x86_64
 * ```
 */
export function socket_cmsg_space(level: number, type: number, num: number = 0): number {
  const fn = "socket_cmsg_space";
  checkArgCount(fn, arguments.length, 2, 3);
  level = intRange(fn, 1, "level", level);
  type = intRange(fn, 2, "type", type);
  num = intRange(fn, 3, "num", num);
  if (num < 0) {
    throw new ValueError(`${fn}(): Argument #3 ($num) must be greater than or equal to 0`);
  }
  const entry = ancillaryType(level, type);
  if (!entry) throw new ValueError(`Pair level ${level} and/or type ${type} is not supported`);
  const limit = (LONG_MAX - BigInt(entry.size) - BigInt(cmsgSpace(0)) - 15n)
    / BigInt(Math.max(1, entry.elementSize));
  if (entry.elementSize > 0 && BigInt(num) > limit) {
    throw new ValueError(`${fn}(): Argument #3 ($num) is too large`);
  }
  return cmsgSpace(entry.size + num * entry.elementSize);
}
