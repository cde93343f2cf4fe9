/**
 * Stream I/O on socket streams: `fread`, `fwrite`, `fgets`, `feof`,
 * `fclose`.
 *
 * Reads go through PHP's 8 KiB read buffer and wait up to the stream's
 * timeout (`stream_set_timeout()`, 60 s by default) on a blocking stream;
 * these calls block the thread meanwhile, as in PHP. Data are byte strings.
 *
 * @module
 */

import { checkArgCount, dataArg, intArg, optionalIntArg } from "../sockets/args.ts";
import { bytesToString } from "../sockets/bytes.ts";
import { ValueError } from "../sockets/errors.ts";
import { getLine, opWrite, streamEof, streamRead } from "./sockop.ts";
import { closeStream, streamArg } from "./stream.ts";
import type { Stream } from "./stream.ts";

/**
 * Reads up to `length` bytes: what is buffered, else what one read brings
 * (at most 8 KiB through the buffer). On a blocking stream it waits up to
 * the stream's timeout for data.
 *
 * @param stream A socket stream.
 * @param length The most bytes to return (> 0).
 * @returns The bytes as a byte string; `""` at end of file or when a
 *   non-blocking stream has nothing; `false` when a blocking stream timed
 *   out with nothing read (then `stream_get_meta_data()` shows
 *   `timed_out`).
 * @throws {ValueError} If `length` is not positive.
 * @throws {TypeError} If `stream` is not an open stream.
 * @example
 * ```ts
 * import { fread, fwrite, STREAM_PF_UNIX, STREAM_SOCK_STREAM, stream_socket_pair } from "./mod.ts";
 * const [a, b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) || [];
 * fwrite(a, "data");
 * fread(b, 100); // "data"
 * ```
 *
 * Differences from PHP: bytes already buffered are returned at once, as
 * in PHP 8.3+ (PHP 8.2 first waits for more data up to the timeout).
 */
export function fread(stream: Stream, length: number): string | false {
  const fn = "fread";
  checkArgCount(fn, arguments.length, 2, 2);
  const state = streamArg(fn, 1, "stream", stream);
  length = intArg(fn, 2, "length", length);
  if (length <= 0) throw new ValueError(`${fn}(): Argument #2 ($length) must be greater than 0`);
  const bytes = streamRead(state, length);
  return bytes === null ? false : bytesToString(bytes);
}

/**
 * Writes data to a stream, all of it unless the peer stops taking it: a
 * blocking stream waits for room up to its timeout; a non-blocking one
 * writes what fits.
 *
 * @param stream A socket stream.
 * @param data A byte string or a Uint8Array (any ArrayBufferView).
 * @param length How many bytes of `data` to write at most; all by default.
 * @returns The number of bytes written (0 when a non-blocking stream has
 *   no room), or `false` when nothing could be written; a failure raises
 *   PHP's notice `fwrite(): Send of N bytes failed with errno=E text`.
 * @throws {TypeError} If `stream` is not an open stream, or `data` is a
 *   string with a character above `\xFF`.
 * @example
 * ```ts
 * import { fwrite, STREAM_PF_UNIX, STREAM_SOCK_STREAM, stream_socket_pair } from "./mod.ts";
 * const [a] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) || [];
 * fwrite(a, "hello\n"); // 6
 * ```
 */
export function fwrite(
  stream: Stream,
  data: string | ArrayBufferView,
  length: number | null = null,
): number | false {
  const fn = "fwrite";
  checkArgCount(fn, arguments.length, 2, 3);
  const state = streamArg(fn, 1, "stream", stream);
  const bytes = dataArg(fn, 2, "data", data);
  const max = optionalIntArg(fn, 3, "length", length);
  const count = max === null ? bytes.length : max <= 0 ? 0 : Math.min(max, bytes.length);
  if (count === 0) return 0;
  let written = 0;
  while (written < count) {
    const n = opWrite(fn, state, bytes.subarray(written, count));
    if (n <= 0) {
      if (written > 0) break;
      return n < 0 ? false : 0;
    }
    written += n;
  }
  return written;
}

/**
 * Reads a line: through the next `\n`, or `length - 1` bytes, or what
 * arrived before end of file or the timeout.
 *
 * @param stream A socket stream.
 * @param length The line's maximum length plus one; `null` for no limit.
 * @returns The line (with its `\n`), or `false` when nothing could be read
 *   (end of file, timeout).
 * @throws {ValueError} If `length` is not positive.
 * @throws {TypeError} If `stream` is not an open stream.
 * @example
 * ```ts
 * import { fgets, fwrite, STREAM_PF_UNIX, STREAM_SOCK_STREAM, stream_socket_pair } from "./mod.ts";
 * const [a, b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) || [];
 * fwrite(a, "one\ntwo\n");
 * fgets(b); // "one\n"
 * fgets(b); // "two\n"
 * ```
 */
export function fgets(stream: Stream, length: number | null = null): string | false {
  const fn = "fgets";
  checkArgCount(fn, arguments.length, 1, 2);
  const state = streamArg(fn, 1, "stream", stream);
  const max = optionalIntArg(fn, 2, "length", length);
  if (max !== null && max <= 0) {
    throw new ValueError(`${fn}(): Argument #2 ($length) must be greater than 0`);
  }
  const line = getLine(state, max);
  return line === null ? false : bytesToString(line);
}

/**
 * Whether the stream is at end of file: nothing buffered, and the peer has
 * closed (probed with a non-blocking `recv(MSG_PEEK)`).
 *
 * @param stream A socket stream.
 * @returns `true` at end of file.
 * @throws {TypeError} If `stream` is not an open stream.
 * @example
 * ```ts
 * import { fclose, feof, STREAM_PF_UNIX, STREAM_SOCK_STREAM, stream_socket_pair } from "./mod.ts";
 * const [a, b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) || [];
 * fclose(a);
 * feof(b); // true
 * ```
 */
export function feof(stream: Stream): boolean {
  const fn = "feof";
  checkArgCount(fn, arguments.length, 1, 1);
  return streamEof(streamArg(fn, 1, "stream", stream));
}

/**
 * Closes a stream and its descriptor. A Socket sharing the descriptor
 * (`socket_import_stream()`, `socket_export_stream()`) stays an object you
 * can pass around, but its calls fail with `EBADF` from then on, as in PHP.
 *
 * @param stream An open stream.
 * @returns `true`.
 * @throws {TypeError} If `stream` is not a stream or is already closed
 *   (`fclose(): supplied resource is not a valid stream resource`).
 * @example
 * ```ts
 * import { fclose, stream_socket_server } from "./mod.ts";
 * const server = stream_socket_server("tcp://127.0.0.1:0");
 * if (server) fclose(server);
 * ```
 */
export function fclose(stream: Stream): boolean {
  const fn = "fclose";
  checkArgCount(fn, arguments.length, 1, 1);
  closeStream(streamArg(fn, 1, "stream", stream));
  return true;
}
