/**
 * Reading and writing: `socket_read`, `socket_write`, `socket_recv`,
 * `socket_send`, `socket_recvfrom`, `socket_sendto`.
 *
 * Received data is returned as byte strings built only from the bytes the
 * kernel wrote.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import type { Ref } from "./args.ts";
import {
  byteStringArg,
  callDataArg,
  checkArgCount,
  checkDataArg,
  checkOpen,
  familyError,
  inetPortArg,
  intArg,
  nonNegativeLength,
  optionalIntArg,
  optionalRefArg,
  refArg,
  socketArg,
  stringArg,
  toCInt,
  wrongParameterCount,
} from "./args.ts";
import { latin1Slice } from "./bytes.ts";
import { allowed } from "./permissions.ts";
import { PHP_BINARY_READ, PHP_NORMAL_READ } from "./read_modes.ts";
import { failed, isWouldBlock, socketError } from "./report.ts";
import { scratchBuffer } from "./scratch.ts";
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

const {
  AF_UNIX,
  AF_INET,
  AF_INET6,
  AF_UNSPEC,
  MSG_EOR,
  MSG_PEEK,
  MSG_TRUNC,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  SOL_SOCKET,
  SO_TYPE,
} = platform.php;
const { SOCKET_EINTR: EINTR } = platform.php;

/**
 * The most bytes one call reads. PHP allocates whatever `length` asks for
 * (and dies of memory exhaustion for huge values); we cap the buffer, which
 * only shortens reads that could never have been satisfied anyway.
 */
const MAX_READ = 1 << 30;
/**
 * PHP_INT_MAX as a JS number (2 ** 63: 2 ** 63 - 1 rounds up to it). PHP
 * since the GH-17921 fix returns false for this length before reading, as
 * for a length <= 0; so does the module, for it and anything larger.
 */
const PHP_INT_MAX = 2 ** 63;

/** True for the lengths socket_read/recv/recvfrom refuse silently: <= 0 and PHP_INT_MAX. */
function refusedLength(length: number): boolean {
  return length <= 0 || length >= PHP_INT_MAX;
}

/** Reads up to this size reuse one scratch buffer instead of allocating. */
const SCRATCH_SIZE = 1 << 16;
const scratch = scratchBuffer(SCRATCH_SIZE);

function readBuffer(length: number): Uint8Array {
  return length <= SCRATCH_SIZE ? scratch : new Uint8Array(Math.min(length, MAX_READ));
}

/** The socket's type (`SO_TYPE`, read once and cached), or -1 if it cannot be read. */
export function socketType(state: SocketState): number {
  if (state.type === undefined) {
    const value = new Int32Array(1);
    const len = new Uint32Array([4]);
    if (sys().getsockopt(state.fd, SOL_SOCKET, SO_TYPE, new Uint8Array(value.buffer), len) < 0) {
      return -1;
    }
    state.type = value[0];
  }
  return state.type;
}

/**
 * The data a receive call wrote into `buf`. Its return value `r` is not always
 * that count: with `MSG_TRUNC` a datagram socket reports the datagram's full
 * length but copies at most `asked` bytes, and a stream socket discards the
 * data without copying any. PHP builds its result from `r` bytes and so
 * returns memory the kernel never wrote; we return only what it wrote.
 */
function received(
  state: SocketState,
  buf: Uint8Array,
  r: number,
  asked: number,
  flags: number,
): string {
  if ((flags & MSG_TRUNC) === 0) return latin1Slice(buf, 0, r);
  if (socketType(state) === SOCK_STREAM) return "";
  return latin1Slice(buf, 0, Math.min(r, asked));
}

/**
 * Writes data to a socket (C `write()`).
 *
 * @param socket A connected socket.
 * @param data The bytes: a byte string or a Uint8Array (any ArrayBufferView).
 * @param length How many bytes of `data` to write at most; all by default.
 * @returns The number of bytes written (maybe fewer than asked), or `false`
 *   with a warning `unable to write to socket [code]: text` (none for `SOCKET_EAGAIN`).
 * @throws {ValueError} If `length` is negative.
 * @throws {TypeError} If `data` is a string with a character above `\xFF`.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_UNIX, SOCK_STREAM, Socket, socket_create_pair, socket_write } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * socket_write(pair[0], "hello\n"); // 6
 * ```
 */
export function socket_write(
  socket: Socket,
  data: string | ArrayBufferView,
  length: number | null = null,
): number | false {
  const fn = "socket_write";
  checkArgCount(fn, arguments.length, 2, 3);
  const state = socketArg(fn, 1, "socket", socket);
  const bytes = callDataArg(fn, 2, "data", data);
  const len = optionalIntArg(fn, 3, "length", length);
  checkOpen(fn, state);
  if (len !== null) nonNegativeLength(fn, 3, len);
  const n = len === null ? bytes.length : Math.min(len, bytes.length);
  const s = sys();
  const flags = writeFlags(state);
  const r = flags < 0 ? s.write(state.fd, bytes, n) : s.send(state.fd, bytes, n, flags);
  if (failed(r, state, fn, "unable to write to socket")) return false;
  return r;
}

/** Windows' `write` is already `send()`. */
const WRITE_IS_SEND = platform.os === "windows";

/**
 * How `socket_write` writes: PHP calls `write()`, which for a socket is the
 * kernel's `sendmsg` with no flags, plus `MSG_EOR` on a `SOCK_SEQPACKET`
 * socket. `send()` with those flags does the same without the file layer in
 * front (measured: 2-5% more socketpair round trips per second). A descriptor
 * that may not be a socket (family `AF_UNSPEC`: one received with
 * SCM_RIGHTS) keeps `write()`, as does Windows, where `write` is `send()`.
 */
function writeFlags(state: SocketState): number {
  if (state.family === AF_UNSPEC || WRITE_IS_SEND) return -1;
  const type = socketType(state); // read once, then kept in the state
  return type < 0 ? -1 : type === SOCK_SEQPACKET ? MSG_EOR : 0;
}

/**
 * Reads from a socket.
 *
 * @param socket A connected socket.
 * @param length The most bytes to read.
 * @param mode `PHP_BINARY_READ` (default): one `recv()`. `PHP_NORMAL_READ`: reads up
 *   to and including the first `\n` or `\r`, or `length` bytes.
 * @returns The bytes read; `""` at end of file; `false` when `length <= 0` or is
 *   PHP_INT_MAX (silently),
 *   on `SOCKET_EAGAIN` (silently, error code stored) or on another error (warning
 *   `unable to read from socket [code]: text`).
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_UNIX, PHP_NORMAL_READ, SOCK_STREAM, Socket, socket_create_pair, socket_read, socket_write } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * socket_write(pair[0], "one\ntwo\n");
 * socket_read(pair[1], 100, PHP_NORMAL_READ); // "one\n"
 * ```
 *
 * Differences from PHP (bugs of PHP 8.2-8.4 that a fixed PHP would not have):
 * with `PHP_NORMAL_READ`, a non-blocking socket (or a receive timeout) with no
 * complete line returns the bytes read so far, or `false` with `SOCKET_EAGAIN`
 * when there were none, instead of spinning forever; a partial line followed
 * by end of file is returned as it is (PHP drops it and reports
 * `SOCKET_ECONNRESET`), and the next call returns `""`. A `length` above
 * 1 GiB reads at most 1 GiB instead of exhausting memory, and `length`
 * PHP_INT_MAX (2 ** 63 here) returns `false` at once, as PHP does since the
 * GH-17921 fix (PHP 8.2 dies of memory exhaustion).
 */
export function socket_read(
  socket: Socket,
  length: number,
  mode: number = PHP_BINARY_READ,
): string | false {
  const fn = "socket_read";
  checkArgCount(fn, arguments.length, 2, 3);
  const state = socketArg(fn, 1, "socket", socket);
  length = intArg(fn, 2, "length", length);
  mode = intArg(fn, 3, "mode", mode);
  checkOpen(fn, state);
  if (refusedLength(length)) return false;
  return mode === PHP_NORMAL_READ ? readLine(fn, state, length) : readBinary(fn, state, length);
}

function readBinary(fn: string, state: SocketState, length: number): string | false {
  const s = sys();
  const buf = readBuffer(length);
  const r = s.recv(state.fd, buf, Math.min(length, buf.length), 0);
  if (failed(r, state, fn, "unable to read from socket")) return false;
  return latin1Slice(buf, 0, r);
}

/**
 * PHP_NORMAL_READ: up to and including the first `\n` or `\r`, never
 * consuming a byte past it. On a stream socket each round peeks at what is
 * queued and takes exactly up to the terminator (two calls per round); other
 * sockets are read byte by byte as in PHP, where each one-byte read consumes
 * a whole datagram.
 */
/** How many of the first `count` bytes to take: through the first `\r` or `\n`, else all. */
function throughTerminator(bytes: Uint8Array, count: number): number {
  for (let i = 0; i < count; i++) if (bytes[i] === 0x0a || bytes[i] === 0x0d) return i + 1;
  return count;
}

function readLine(fn: string, state: SocketState, length: number): string | false {
  const s = sys();
  const buf = readBuffer(length);
  const limit = Math.min(length, buf.length);
  const stream = socketType(state) === SOCK_STREAM;
  let n = 0;
  while (n < limit) {
    let got: number;
    if (stream) {
      const room = buf.subarray(n, limit);
      const peeked = s.recv(state.fd, room, room.length, MSG_PEEK);
      got = peeked > 0 ? s.recv(state.fd, room, throughTerminator(room, peeked), 0) : peeked;
    } else {
      got = s.recv(state.fd, buf.subarray(n, n + 1), 1, 0);
    }
    if (got > 0) {
      n += got;
      const last = buf[n - 1];
      if (last === 0x0a || last === 0x0d) break;
      continue;
    }
    if (got === 0) break; // end of file: return what we have
    const code = s.lastError();
    if (code === EINTR) continue;
    if (isWouldBlock(code) && n > 0) break; // no complete line yet: return what we have
    socketError(state, fn, "unable to read from socket", code);
    return false;
  }
  return latin1Slice(buf, 0, n);
}

/**
 * Receives data (C `recv()`).
 *
 * @param socket The socket.
 * @param data Receives the bytes; set to `null` at end of file or on error.
 * @param length The most bytes to receive.
 * @param flags `MSG_*` flags, e.g. `MSG_PEEK`, `MSG_WAITALL`, `MSG_DONTWAIT`.
 * @returns The number of bytes received (0 at end of file), or `false`: silently
 *   (and `data` untouched) when `length <= 0` or is PHP_INT_MAX (2 ** 63 here, as
 *   PHP since the GH-17921 fix), without a warning on `SOCKET_EAGAIN`,
 *   else with a warning `Unable to read from socket [code]: text`.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_UNIX, MSG_DONTWAIT, SOCK_DGRAM, Socket, socket_create_pair, socket_recv, socket_send } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, pair);
 * socket_send(pair[0], "ping", 4, 0);
 * const buf = { value: null as string | null };
 * socket_recv(pair[1], buf, 100, MSG_DONTWAIT); // 4, buf.value === "ping"
 * ```
 *
 * Differences from PHP: with `MSG_TRUNC` the return value is the kernel's
 * (a datagram's full length, or the bytes a stream socket discarded) as in
 * PHP, but `data` holds only the bytes actually received: at most `length`
 * for a datagram, `""` for a stream. PHP fills the rest with uninitialised
 * memory.
 */
export function socket_recv(
  socket: Socket,
  data: Ref<string | null>,
  length: number,
  flags: number,
): number | false {
  const fn = "socket_recv";
  checkArgCount(fn, arguments.length, 4, 4);
  const state = socketArg(fn, 1, "socket", socket);
  const ref = refArg<string | null>(fn, 2, "data", data);
  length = intArg(fn, 3, "length", length);
  flags = intArg(fn, 4, "flags", flags);
  checkOpen(fn, state);
  if (refusedLength(length)) return false;
  const s = sys();
  const buf = readBuffer(length);
  const asked = Math.min(length, buf.length);
  const r = s.recv(state.fd, buf, asked, toCInt(flags));
  if (r < 1) {
    ref.value = null;
    if (failed(r, state, fn, "Unable to read from socket")) return false;
    return 0;
  }
  ref.value = received(state, buf, r, asked, flags);
  return r;
}

/**
 * Sends data (C `send()`, with `MSG_NOSIGNAL` added on Linux).
 *
 * @param socket A connected socket.
 * @param data The bytes: a byte string or a Uint8Array.
 * @param length How many bytes of `data` to send at most.
 * @param flags `MSG_*` flags, e.g. `MSG_OOB`, `MSG_DONTWAIT`, `MSG_MORE`.
 * @returns The number of bytes sent, or `false` with a warning
 *   `Unable to write to socket [code]: text` (none for `SOCKET_EAGAIN`).
 * @throws {ValueError} If `length` is negative.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_UNIX, SOCK_STREAM, Socket, socket_create_pair, socket_send } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * socket_send(pair[0], "abc", 3, 0); // 3
 * ```
 */
export function socket_send(
  socket: Socket,
  data: string | ArrayBufferView,
  length: number,
  flags: number,
): number | false {
  const fn = "socket_send";
  checkArgCount(fn, arguments.length, 4, 4);
  const state = socketArg(fn, 1, "socket", socket);
  const bytes = callDataArg(fn, 2, "data", data);
  length = intArg(fn, 3, "length", length);
  flags = intArg(fn, 4, "flags", flags);
  checkOpen(fn, state);
  nonNegativeLength(fn, 3, length);
  const s = sys();
  const r = s.send(state.fd, bytes, Math.min(length, bytes.length), toCInt(flags));
  if (failed(r, state, fn, "Unable to write to socket")) return false;
  return r;
}

/**
 * Receives data and the sender's address (C `recvfrom()`).
 *
 * @param socket The socket.
 * @param data Receives the bytes.
 * @param length The most bytes to receive; a longer datagram is truncated.
 * @param flags `MSG_*` flags.
 * @param address Receives the sender's address (AF_UNIX: its path, `""` if unbound).
 * @param port Receives the sender's port; required for AF_INET/AF_INET6 sockets.
 * @returns The number of bytes received, or `false`: silently when `length <= 0`
 *   or is PHP_INT_MAX (2 ** 63 here, as PHP since the GH-17921 fix),
 *   without a warning on `SOCKET_EAGAIN`, else with a warning
 *   `Unable to recvfrom [code]: text` (`unable to recvfrom` for AF_INET6, as in PHP).
 * @throws {ArgumentCountError} `Wrong parameter count for socket_recvfrom()` when
 *   `port` is missing on an AF_INET/AF_INET6 socket.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SOCK_DGRAM, socket_create, socket_recvfrom } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_DGRAM, 0);
 * const data = { value: "" }, from = { value: "" }, port = { value: 0 };
 * // socket_recvfrom(s, data, 1500, 0, from, port);
 * ```
 */
export function socket_recvfrom(
  socket: Socket,
  data: Ref<string>,
  length: number,
  flags: number,
  address: Ref<string>,
  port?: Ref<number> | null,
): number | false {
  const fn = "socket_recvfrom";
  checkArgCount(fn, arguments.length, 5, 6);
  const state = socketArg(fn, 1, "socket", socket);
  const dataRef = refArg<string>(fn, 2, "data", data);
  length = intArg(fn, 3, "length", length);
  flags = intArg(fn, 4, "flags", flags);
  const addressRef = refArg<string>(fn, 5, "address", address);
  const portRef = optionalRefArg<number>(fn, 6, "port", port);
  checkOpen(fn, state);
  if (refusedLength(length)) return false;
  if (state.family !== AF_UNIX && state.family !== AF_INET && state.family !== AF_INET6) {
    throw familyError(fn);
  }
  if (state.family !== AF_UNIX && portRef === null) throw wrongParameterCount(fn);
  const s = sys();
  const buf = readBuffer(length);
  const asked = Math.min(length, buf.length);
  const from = addressOut.bytes;
  clearAddressOut();
  const r = s.recvfrom(state.fd, buf, asked, toCInt(flags), from, addressOut.length);
  const msg = state.family === AF_INET6 ? "unable to recvfrom" : "Unable to recvfrom"; // sic, as PHP
  if (failed(r, state, fn, msg)) return false;
  const decoded = decodeAddress(from, Math.min(addressOut.length[0], from.length), state.family);
  dataRef.value = received(state, buf, r, asked, flags);
  // With no sender address (an unbound AF_UNIX peer, a connected TCP socket)
  // decodeAddress() gives the family's empty address, as PHP prints it.
  addressRef.value = decoded.address;
  if (portRef && decoded.port !== undefined) portRef.value = decoded.port;
  return r;
}

/**
 * Sends data to an address (C `sendto()`, with `MSG_NOSIGNAL` added on Linux).
 *
 * @param socket The socket.
 * @param data The bytes: a byte string or a Uint8Array.
 * @param length How many bytes of `data` to send at most.
 * @param flags `MSG_*` flags.
 * @param address The destination address, or an AF_UNIX path (cut at the first NUL
 *   and at 107 bytes, as in PHP: use an address without NUL bytes).
 * @param port The destination port; required for AF_INET/AF_INET6.
 * @returns The number of bytes sent, or `false` with a warning
 *   `Unable to write to socket [code]: text`.
 * @throws {ValueError} For a negative length, a missing port or one outside 0..65535.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SOCK_DGRAM, socket_create, socket_sendto } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_DGRAM, 0);
 * // if (s) socket_sendto(s, "ping", 4, 0, "127.0.0.1", 9999);
 * ```
 *
 * Differences from PHP: a port outside 0..65535 throws instead of wrapping.
 * Under Deno it needs net permission for `address:port`.
 */
export function socket_sendto(
  socket: Socket,
  data: string | ArrayBufferView,
  length: number,
  flags: number,
  address: string,
  port: number | null = null,
): number | false {
  const fn = "socket_sendto";
  checkArgCount(fn, arguments.length, 5, 6);
  const state = socketArg(fn, 1, "socket", socket);
  checkDataArg(fn, 2, "data", data);
  length = intArg(fn, 3, "length", length);
  flags = intArg(fn, 4, "flags", flags);
  address = stringArg(fn, 5, "address", address);
  const p = optionalIntArg(fn, 6, "port", port);
  checkOpen(fn, state);
  nonNegativeLength(fn, 3, length);
  let addr: SockAddr | null;
  if (state.family === AF_UNIX) {
    const path = byteStringArg(fn, 5, "address", address);
    const nul = path.indexOf(0);
    addr = unixAddress(path.subarray(0, Math.min(nul < 0 ? path.length : nul, UNIX_PATH_MAX - 1)));
  } else if (state.family === AF_INET || state.family === AF_INET6) {
    addr = resolveInet(fn, state, state.family, address, inetPortArg(fn, 6, state.family, p));
  } else {
    throw familyError(fn);
  }
  if (!addr || !allowed(fn, state, "Unable to write to socket", addr, state.family)) return false;
  // Converted only now: resolving the address may warn, and a warning
  // handler may run other calls that reuse the shared data buffer.
  const bytes = callDataArg(fn, 2, "data", data);
  const s = sys();
  const r = s.sendto(
    state.fd,
    bytes,
    Math.min(length, bytes.length),
    toCInt(flags),
    addr.bytes,
    addr.length,
  );
  if (failed(r, state, fn, "Unable to write to socket")) return false;
  return r;
}
