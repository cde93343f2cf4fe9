/**
 * Stream settings: `stream_set_blocking`, `stream_set_timeout` and
 * `stream_get_meta_data`.
 *
 * @module
 */

import { sys } from "../platform/mod.ts";
import { checkArgCount, intArg, phpType } from "../sockets/args.ts";
import { streamArg, unreadBytes } from "./stream.ts";
import type { Stream, StreamKind } from "./stream.ts";

/**
 * Sets a stream's blocking mode (`fcntl(O_NONBLOCK)`). In non-blocking mode
 * `fread()` returns `""` and `fgets()` `false` when nothing is there, and
 * `fwrite()` writes what fits.
 *
 * @param stream A socket stream.
 * @param enable `true` for blocking, `false` for non-blocking.
 * @returns `true`, or `false` when the mode could not be set (no warning).
 * @throws {TypeError} If `stream` is not an open stream.
 * @example
 * ```ts
 * import { fread, STREAM_PF_UNIX, STREAM_SOCK_STREAM, stream_set_blocking, stream_socket_pair } from "./mod.ts";
 * const [a, b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) || [];
 * stream_set_blocking(b, false);
 * fread(b, 10); // "" at once
 * ```
 */
export function stream_set_blocking(stream: Stream, enable: boolean): boolean {
  const fn = "stream_set_blocking";
  checkArgCount(fn, arguments.length, 2, 2);
  const state = streamArg(fn, 1, "stream", stream);
  if (typeof enable !== "boolean") {
    throw new TypeError(
      `${fn}(): Argument #2 ($enable) must be of type bool, ${phpType(enable)} given`,
    );
  }
  if (sys().setNonBlocking(state.fd, !enable) < 0) return false;
  state.blocking = enable;
  return true;
}

/**
 * Sets how long reads (and writes waiting for room) may wait on a blocking
 * stream; 60 s by default (`default_socket_timeout`). A read that times
 * out returns `false` and `stream_get_meta_data()` reports `timed_out`.
 *
 * @param stream A socket stream.
 * @param seconds Whole seconds (-1: no limit).
 * @param microseconds Added microseconds (1000000 or more carry into seconds).
 * @returns `true`.
 * @throws {TypeError} If `stream` is not an open stream.
 * @example
 * ```ts
 * import { fread, STREAM_PF_UNIX, STREAM_SOCK_STREAM, stream_set_timeout, stream_socket_pair } from "./mod.ts";
 * const [a, b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) || [];
 * stream_set_timeout(b, 0, 200000);
 * fread(b, 10); // false after 0.2 s
 * ```
 */
export function stream_set_timeout(
  stream: Stream,
  seconds: number,
  microseconds: number = 0,
): boolean {
  const fn = "stream_set_timeout";
  checkArgCount(fn, arguments.length, 2, 3);
  const state = streamArg(fn, 1, "stream", stream);
  let sec = intArg(fn, 2, "seconds", seconds);
  let usec = intArg(fn, 3, "microseconds", microseconds);
  sec += Math.trunc(usec / 1000000);
  usec %= 1000000;
  state.timeout = { sec, usec };
  state.timedOut = false;
  return true;
}

/** What `stream_get_meta_data()` returns for a socket stream. */
export interface StreamMetaData {
  /** The last read or write wait timed out. */
  timed_out: boolean;
  /** The stream is in blocking mode. */
  blocked: boolean;
  /** End of file was seen. */
  eof: boolean;
  /** `tcp_socket`, `udp_socket`, `unix_socket`, `udg_socket` or `generic_socket`. */
  stream_type: StreamKind;
  /** Always `"r+"`. */
  mode: string;
  /** Bytes in the read buffer, not yet read. */
  unread_bytes: number;
  /** Always `false`. */
  seekable: boolean;
}

/**
 * A stream's state, as PHP reports it for socket streams.
 *
 * @param stream A socket stream.
 * @returns The fields, in PHP's order.
 * @throws {TypeError} If `stream` is not an open stream.
 * @example
 * ```ts
 * import { stream_get_meta_data, stream_socket_server } from "./mod.ts";
 * const server = stream_socket_server("tcp://127.0.0.1:0");
 * if (server) console.log(stream_get_meta_data(server).stream_type); // "tcp_socket"
 * ```
 *
 * Differences from PHP: TCP streams report `tcp_socket` (a PHP built with
 * OpenSSL reports `tcp_socket/ssl`); there are no other stream kinds.
 */
export function stream_get_meta_data(stream: Stream): StreamMetaData {
  const fn = "stream_get_meta_data";
  checkArgCount(fn, arguments.length, 1, 1);
  const state = streamArg(fn, 1, "stream", stream);
  return {
    timed_out: state.timedOut,
    blocked: state.blocking,
    eof: state.eof,
    stream_type: state.kind,
    mode: "r+",
    unread_bytes: unreadBytes(state),
    seekable: false,
  };
}
