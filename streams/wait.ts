/**
 * Beyond PHP: waiting for a Socket or Stream to become readable or writable
 * without blocking the event loop, so PHP's blocking calls can run exactly
 * when they will not block.
 *
 * ```ts
 * while (await waitReadable(server)) {
 *   const client = socket_accept(server); // ready: returns at once
 *   ...
 * }
 * ```
 *
 * The wait runs off the JS thread (see `reactor.ts`): timers and other
 * I/O keep running, no CPU is spent while idle, and once the socket is
 * closed nothing is left pending.
 *
 * @module
 */

import { Ready } from "../platform/mod.ts";
import { phpType } from "../sockets/args.ts";
import { Socket, stateOf } from "../sockets/socket.ts";
import { waitFor } from "./reactor.ts";
import { Stream, streamArg, unreadBytes } from "./stream.ts";

function handleOf(fn: string, target: unknown): { fd: number; buffered: number } {
  if (target instanceof Socket) {
    const state = stateOf(target);
    if (state.fd < 0) throw new Error(`${fn}(): Argument #1 ($target) has already been closed`);
    return { fd: state.fd, buffered: 0 };
  }
  if (target instanceof Stream) {
    const state = streamArg(fn, 1, "target", target);
    return { fd: state.fd, buffered: unreadBytes(state) };
  }
  throw new TypeError(
    `${fn}(): Argument #1 ($target) must be of type Socket or stream, ${phpType(target)} given`,
  );
}

function timeoutArg(fn: string, timeoutMs: unknown): number {
  if (typeof timeoutMs !== "number" || Number.isNaN(timeoutMs)) {
    throw new TypeError(
      `${fn}(): Argument #2 ($timeoutMs) must be of type number, ${phpType(timeoutMs)} given`,
    );
  }
  return timeoutMs < 0 || !Number.isFinite(timeoutMs) ? -1 : Math.ceil(timeoutMs);
}

/**
 * Waits, without blocking the event loop, until a Socket or Stream has
 * something to read: data, end of file, an error, or (on a listening
 * socket) a connection to accept.
 *
 * @param target An open Socket or Stream.
 * @param timeoutMs The most milliseconds to wait; negative or omitted for
 *   no limit; 0 only checks.
 * @returns `true` when ready (the next read or accept will not block),
 *   `false` on timeout or when the target was closed meanwhile. A Stream
 *   with bytes in its read buffer is ready at once.
 * @throws {Error} If `target` is a closed Socket.
 * @throws {TypeError} If `target` is a closed Stream, or neither.
 * @example
 * ```ts
 * import { socket_accept, socket_create_listen, waitReadable } from "./mod.ts";
 * const server = socket_create_listen(0);
 * if (server && await waitReadable(server, 1000)) {
 *   const client = socket_accept(server); // does not block
 * }
 * ```
 */
export function waitReadable(target: Socket | Stream, timeoutMs: number = -1): Promise<boolean> {
  const fn = "waitReadable";
  const { fd, buffered } = handleOf(fn, target);
  const ms = timeoutArg(fn, timeoutMs);
  if (buffered > 0) return Promise.resolve(true);
  return waitFor(fd, Ready.In, ms, target);
}

/**
 * Waits, without blocking the event loop, until a Socket or Stream can be
 * written to (or has failed, or an asynchronous connect has finished).
 *
 * @param target An open Socket or Stream.
 * @param timeoutMs The most milliseconds to wait; negative or omitted for
 *   no limit; 0 only checks.
 * @returns `true` when ready, `false` on timeout or when the target was
 *   closed meanwhile.
 * @throws {Error} If `target` is a closed Socket.
 * @throws {TypeError} If `target` is a closed Stream, or neither.
 * @example
 * ```ts
 * import { STREAM_CLIENT_ASYNC_CONNECT, STREAM_CLIENT_CONNECT, stream_socket_client, waitWritable } from "./mod.ts";
 * const conn = stream_socket_client("tcp://127.0.0.1:8080", null, null, 5,
 *   STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT);
 * if (conn && await waitWritable(conn, 5000)) {
 *   // connected (or failed: the next write tells)
 * }
 * ```
 */
export function waitWritable(target: Socket | Stream, timeoutMs: number = -1): Promise<boolean> {
  const fn = "waitWritable";
  const { fd } = handleOf(fn, target);
  return waitFor(fd, Ready.Out, timeoutArg(fn, timeoutMs), target);
}
