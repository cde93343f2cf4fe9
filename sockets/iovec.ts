/**
 * PHP 4's scatter/gather API: `socket_iovec_alloc`, `socket_iovec_add`,
 * `socket_iovec_delete`, `socket_iovec_fetch`, `socket_iovec_set`,
 * `socket_iovec_free`, `socket_readv` and `socket_writev` (removed from PHP
 * in 5.0; kept here for ported code), over `readv(2)` and `writev(2)`.
 *
 * An {@link Iovec} holds a list of byte buffers ("vectors"). `socket_readv`
 * fills them in order from one read; `socket_writev` sends them in order
 * with one write.
 *
 * @module
 */

import { platform, readVector, sys, writeVector } from "../platform/mod.ts";
import { checkArgCount, checkOpen, dataArg, intArg, phpType, socketArg } from "./args.ts";
import { bytesToString } from "./bytes.ts";
import { ArgumentCountError, ValueError } from "./errors.ts";
import { failed } from "./report.ts";
import type { Socket, SocketState } from "./socket.ts";

/** The largest vector: 1 GiB (PHP 4 allocated whatever was asked, or died). */
const MAX_VECTOR = 1 << 30;

interface IovecState {
  /** The vectors, or `null` once freed. */
  buffers: Uint8Array[] | null;
}

let pending: IovecState | null = null;
let stateOfIovec: (iovec: Iovec) => IovecState;

/**
 * PHP 4's I/O vector resource: the buffers of `socket_readv()` and
 * `socket_writev()`, from `socket_iovec_alloc()`. Opaque and final, like
 * `Socket`.
 *
 * @example
 * ```ts
 * import { Iovec, socket_iovec_alloc, socket_iovec_free } from "./mod.ts";
 * const iov = socket_iovec_alloc(2, 4, 8);
 * console.log(iov instanceof Iovec); // true
 * socket_iovec_free(iov);
 * ```
 */
export class Iovec {
  readonly #state: IovecState;

  /**
   * Always throws: I/O vectors come from `socket_iovec_alloc()`.
   *
   * @throws {Error} `Cannot directly construct Iovec, use socket_iovec_alloc() instead`
   */
  constructor() {
    if (pending === null || new.target !== Iovec) {
      throw new Error("Cannot directly construct Iovec, use socket_iovec_alloc() instead");
    }
    this.#state = pending;
    pending = null;
  }

  static {
    stateOfIovec = (iovec) => iovec.#state;
  }
}

/** Checks an argument is an Iovec that has not been freed; returns its vectors. */
function iovecArg(fn: string, pos: number, value: unknown): Uint8Array[] {
  if (!(value instanceof Iovec)) {
    throw new TypeError(
      `${fn}(): Argument #${pos} ($iovec) must be of type Iovec, ${phpType(value)} given`,
    );
  }
  const buffers = stateOfIovec(value).buffers;
  if (buffers === null) {
    throw new Error(`${fn}(): Argument #${pos} ($iovec) has already been freed`);
  }
  return buffers;
}

function sizeArg(fn: string, pos: number, name: string, value: unknown): number {
  const n = intArg(fn, pos, name, value);
  if (n < 0 || n > MAX_VECTOR) {
    throw new ValueError(
      `${fn}(): Argument #${pos} ($${name}) must be between 0 and ${MAX_VECTOR}`,
    );
  }
  return n;
}

function positionArg(fn: string, name: string, value: unknown, buffers: Uint8Array[]): number {
  const n = intArg(fn, 2, name, value);
  if (n < 0) {
    throw new ValueError(`${fn}(): Argument #2 ($${name}) must be greater than or equal to 0`);
  }
  if (n >= buffers.length) {
    throw new ValueError(
      `${fn}(): Argument #2 ($${name}) must be less than the number of vectors (${buffers.length})`,
    );
  }
  return n;
}

/**
 * Allocates an I/O vector of `num_vectors` zero-filled buffers.
 *
 * @param num_vectors How many buffers; one size must follow per buffer.
 * @param sizes The size of each buffer in bytes (0 to 1 GiB).
 * @returns The new Iovec.
 * @throws {ArgumentCountError} If the number of sizes differs from `num_vectors`.
 * @throws {ValueError} For a negative count or a size outside 0..1 GiB.
 * @example
 * ```ts
 * import { socket_iovec_alloc, socket_iovec_fetch } from "./mod.ts";
 * const iov = socket_iovec_alloc(3, 4, 4, 2);
 * socket_iovec_fetch(iov, 2); // "\x00\x00"
 * ```
 *
 * Differences from PHP: PHP 4 read missing sizes from beyond its argument
 * list and left the buffers uninitialised; here both are errors or zeros.
 */
export function socket_iovec_alloc(num_vectors: number, ...sizes: number[]): Iovec {
  const fn = "socket_iovec_alloc";
  checkArgCount(fn, arguments.length, 1, Infinity);
  const count = intArg(fn, 1, "num_vectors", num_vectors);
  if (count < 0) {
    throw new ValueError(`${fn}(): Argument #1 ($num_vectors) must be greater than or equal to 0`);
  }
  if (sizes.length !== count) {
    throw new ArgumentCountError(
      `${fn}() expects exactly ${
        count + 1
      } arguments for ${count} vectors, ${arguments.length} given`,
    );
  }
  const buffers = sizes.map((size, i) => new Uint8Array(sizeArg(fn, i + 2, "sizes", size)));
  pending = { buffers };
  return new Iovec();
}

/**
 * Appends a zero-filled buffer to an I/O vector.
 *
 * @param iovec The Iovec.
 * @param iov_len The new buffer's size in bytes (0 to 1 GiB).
 * @returns `true`.
 * @throws {ValueError} For a size outside 0..1 GiB.
 * @throws {Error} If the Iovec was freed.
 * @example
 * ```ts
 * import { socket_iovec_add, socket_iovec_alloc } from "./mod.ts";
 * const iov = socket_iovec_alloc(0);
 * socket_iovec_add(iov, 16); // true
 * ```
 */
export function socket_iovec_add(iovec: Iovec, iov_len: number): boolean {
  const fn = "socket_iovec_add";
  checkArgCount(fn, arguments.length, 2, 2);
  const buffers = iovecArg(fn, 1, iovec);
  buffers.push(new Uint8Array(sizeArg(fn, 2, "iov_len", iov_len)));
  return true;
}

/**
 * Removes one buffer from an I/O vector; the later ones move up.
 *
 * @param iovec The Iovec.
 * @param iov_pos The position of the buffer, from 0.
 * @returns `true`.
 * @throws {ValueError} If there is no buffer at `iov_pos`.
 * @throws {Error} If the Iovec was freed.
 * @example
 * ```ts
 * import { socket_iovec_alloc, socket_iovec_delete } from "./mod.ts";
 * const iov = socket_iovec_alloc(2, 1, 2);
 * socket_iovec_delete(iov, 0); // true; the 2-byte buffer is now at 0
 * ```
 *
 * Differences from PHP: PHP 4 warned and returned `false` for a bad
 * position (and never removed anything, a bug); this throws, as PHP 8 does
 * for invalid arguments.
 */
export function socket_iovec_delete(iovec: Iovec, iov_pos: number): boolean {
  const fn = "socket_iovec_delete";
  checkArgCount(fn, arguments.length, 2, 2);
  const buffers = iovecArg(fn, 1, iovec);
  buffers.splice(positionArg(fn, "iov_pos", iov_pos, buffers), 1);
  return true;
}

/**
 * Returns the bytes of one buffer of an I/O vector (all of it, whatever the
 * last `socket_readv()` filled).
 *
 * @param iovec The Iovec.
 * @param iovec_position The position of the buffer, from 0.
 * @returns The buffer's bytes as a byte string.
 * @throws {ValueError} If there is no buffer at `iovec_position`.
 * @throws {Error} If the Iovec was freed.
 * @example
 * ```ts
 * import { socket_iovec_alloc, socket_iovec_fetch, socket_iovec_set } from "./mod.ts";
 * const iov = socket_iovec_alloc(1, 0);
 * socket_iovec_set(iov, 0, "abc");
 * socket_iovec_fetch(iov, 0); // "abc"
 * ```
 *
 * Differences from PHP: a bad position throws (PHP 4 warned and returned "").
 */
export function socket_iovec_fetch(iovec: Iovec, iovec_position: number): string {
  const fn = "socket_iovec_fetch";
  checkArgCount(fn, arguments.length, 2, 2);
  const buffers = iovecArg(fn, 1, iovec);
  return bytesToString(buffers[positionArg(fn, "iovec_position", iovec_position, buffers)]);
}

/**
 * Replaces one buffer of an I/O vector with a copy of `new_val`; the buffer
 * takes the length of `new_val`.
 *
 * @param iovec The Iovec.
 * @param iovec_position The position of the buffer, from 0.
 * @param new_val The bytes: a byte string or a Uint8Array (any ArrayBufferView).
 * @returns `true`.
 * @throws {ValueError} If there is no buffer at `iovec_position`.
 * @throws {Error} If the Iovec was freed.
 * @example
 * ```ts
 * import { socket_iovec_alloc, socket_iovec_set } from "./mod.ts";
 * const iov = socket_iovec_alloc(1, 8);
 * socket_iovec_set(iov, 0, "hello"); // true; the buffer is now 5 bytes
 * ```
 *
 * Differences from PHP: binary-safe (PHP 4 stopped at the first NUL byte);
 * a bad position throws (PHP 4 warned and returned `false`).
 */
export function socket_iovec_set(
  iovec: Iovec,
  iovec_position: number,
  new_val: string | ArrayBufferView,
): boolean {
  const fn = "socket_iovec_set";
  checkArgCount(fn, arguments.length, 3, 3);
  const buffers = iovecArg(fn, 1, iovec);
  const position = positionArg(fn, "iovec_position", iovec_position, buffers);
  buffers[position] = dataArg(fn, 3, "new_val", new_val).slice();
  return true;
}

/**
 * Frees an I/O vector; any later use of it throws.
 *
 * @param iovec The Iovec.
 * @returns `true`.
 * @throws {Error} If it was freed already.
 * @example
 * ```ts
 * import { socket_iovec_alloc, socket_iovec_free } from "./mod.ts";
 * socket_iovec_free(socket_iovec_alloc(1, 16)); // true
 * ```
 */
export function socket_iovec_free(iovec: Iovec): boolean {
  const fn = "socket_iovec_free";
  checkArgCount(fn, arguments.length, 1, 1);
  iovecArg(fn, 1, iovec);
  stateOfIovec(iovec).buffers = null;
  return true;
}

function vectorCall(
  fn: string,
  socket: Socket,
  iovec: Iovec,
  given: number,
): [SocketState, Uint8Array[]] {
  checkArgCount(fn, given, 2, 2);
  const state = socketArg(fn, 1, "socket", socket);
  if (!(iovec instanceof Iovec)) {
    throw new TypeError(
      `${fn}(): Argument #2 ($iovec) must be of type Iovec, ${phpType(iovec)} given`,
    );
  }
  checkOpen(fn, state);
  const buffers = iovecArg(fn, 2, iovec);
  return [state, buffers];
}

/**
 * Reads from a socket into the buffers of an I/O vector, in order, with one
 * call (C `readv()`).
 *
 * @param socket The socket.
 * @param iovec The buffers to fill; bytes past what arrived keep their values.
 * @returns `true` (also at end of file, when nothing was read), or `false`
 *   with a warning `unable to read from socket [code]: text` (none for
 *   `SOCKET_EAGAIN`).
 * @throws {Error} If the socket is closed or the Iovec freed, or on Windows
 *   (which has no `readv()`).
 * @example
 * ```ts
 * import { AF_UNIX, SOCK_STREAM, Socket, socket_create_pair, socket_iovec_alloc, socket_iovec_fetch, socket_readv, socket_write } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * socket_write(pair[0], "headbody");
 * const iov = socket_iovec_alloc(2, 4, 4);
 * socket_readv(pair[1], iov);
 * socket_iovec_fetch(iov, 1); // "body"
 * ```
 *
 * Differences from PHP: PHP 4 returned `false` whenever bytes were read (it
 * tested the result against 0); this returns `true` on success, as the
 * manual says. The number of bytes read is not reported, as in PHP 4.
 */
export function socket_readv(socket: Socket, iovec: Iovec): boolean {
  const fn = "socket_readv";
  const [state, buffers] = vectorCall(fn, socket, iovec, arguments.length);
  const r = readVector(sys(), platform, state.fd, buffers);
  if (r === null) throw new Error(`${fn}() is not available on ${platform.os}`);
  return !failed(r, state, fn, "unable to read from socket");
}

/**
 * Writes the buffers of an I/O vector to a socket, in order, with one call
 * (C `writev()`).
 *
 * @param socket A connected socket.
 * @param iovec The buffers to send.
 * @returns `true` (the kernel may have taken fewer bytes than all, as with
 *   `socket_write()`), or `false` with a warning
 *   `Unable to write to socket [code]: text` (none for `SOCKET_EAGAIN`).
 * @throws {Error} If the socket is closed or the Iovec freed, or on Windows
 *   (which has no `writev()`).
 * @example
 * ```ts
 * import { AF_UNIX, SOCK_STREAM, Socket, socket_create_pair, socket_iovec_alloc, socket_iovec_set, socket_writev } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * const iov = socket_iovec_alloc(2, 0, 0);
 * socket_iovec_set(iov, 0, "GET / ");
 * socket_iovec_set(iov, 1, "HTTP/1.0\r\n\r\n");
 * socket_writev(pair[0], iov); // true
 * ```
 *
 * Differences from PHP: PHP 4 returned `false` whenever bytes were written;
 * this returns `true` on success, as the manual says.
 */
export function socket_writev(socket: Socket, iovec: Iovec): boolean {
  const fn = "socket_writev";
  const [state, buffers] = vectorCall(fn, socket, iovec, arguments.length);
  const r = writeVector(sys(), platform, state.fd, buffers);
  if (r === null) throw new Error(`${fn}() is not available on ${platform.os}`);
  return !failed(r, state, fn, "Unable to write to socket");
}
