/**
 * The bridge between sockets and streams: `socket_import_stream` and
 * `socket_export_stream` (reference §2C).
 *
 * A bridged Socket and Stream share one descriptor, with PHP's lifetime
 * rules: the stream owns it and the socket keeps the stream alive, so the
 * descriptor lives while either is referenced and is closed exactly once;
 * `socket_close()` closes the stream too; `fclose()` leaves the socket an
 * object whose calls fail with `EBADF`, through a handle number that can
 * never be a descriptor, so it never touches a reused one.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import { closeStream, newStream, streamArg, streamStateOf } from "../streams/stream.ts";
import type { Stream } from "../streams/stream.ts";
import type { StreamKind, StreamState } from "../streams/stream.ts";
import { checkArgCount, openSocketArg } from "./args.ts";
import { failed } from "./report.ts";
import { decodeAddress, SOCKADDR_STORAGE_SIZE } from "./sockaddr.ts";
import { linkStream, newSocket, stateOf } from "./socket.ts";
import type { Socket, SocketState } from "./socket.ts";

const P = platform.php;
const N = platform.native;

/** Ties a socket to a stream: closing the socket closes the stream; the stream zombifies the socket. */
function link(socketState: SocketState, stream: Stream, streamState: StreamState): void {
  streamState.sockets.push(new WeakRef(socketState));
  linkStream(socketState, {
    stream,
    close: () => closeStream(streamState),
    setBlocking: (blocking) => {
      if (!streamState.open || sys().setNonBlocking(streamState.fd, !blocking) < 0) return false;
      streamState.blocking = blocking;
      return true;
    },
  });
}

function intOption(fd: number, name: number): number | null {
  const value = new Int32Array(1);
  const len = new Uint32Array([4]);
  const r = sys().getsockopt(fd, P.SOL_SOCKET, name, new Uint8Array(value.buffer), len);
  return r < 0 ? null : value[0];
}

/**
 * Makes a Socket from a socket stream; both then use the same descriptor.
 * The family comes from `SO_DOMAIN`, the blocking mode from `O_NONBLOCK`.
 * The stream stops buffering reads (bytes it buffered already stay there).
 *
 * @param stream An open socket stream.
 * @returns The Socket, or `false` with a warning
 *   `Unable to obtain socket family [code]: text` (e.g. a server stream
 *   created without `STREAM_SERVER_BIND`, which has no descriptor) or
 *   `Unable to obtain blocking state [code]: text`.
 * @throws {TypeError} If `stream` is not a stream, or is closed.
 * @example
 * ```ts
 * import { socket_import_stream, socket_write, stream_socket_server } from "./mod.ts";
 * const server = stream_socket_server("udp://127.0.0.1:0", null, null, 4);
 * const socket = server && socket_import_stream(server); // a Socket on the same descriptor
 * ```
 *
 * Differences from PHP: after `fclose()` of the stream, the Socket's calls
 * fail with `EBADF` as in PHP, but can never act on a descriptor that
 * reused the number.
 */
export function socket_import_stream(stream: Stream): Socket | false {
  const fn = "socket_import_stream";
  checkArgCount(fn, arguments.length, 1, 1);
  const streamState = streamArg(fn, 1, "stream", stream);
  const fd = streamState.fd;
  const s = sys();
  // PHP records these failures on the Socket it was making, which is then
  // discarded: only the global code remains visible.
  let family = N.SO_DOMAIN === undefined ? null : intOption(fd, N.SO_DOMAIN);
  if (family === null) {
    const addr = new Uint8Array(SOCKADDR_STORAGE_SIZE);
    const len = new Uint32Array([addr.length]);
    if (failed(s.getsockname(fd, addr, len), null, fn, "Unable to obtain socket family")) {
      return false;
    }
    family = decodeAddress(addr, Math.min(len[0], addr.length), P.AF_UNSPEC).family;
  }
  const nonBlocking = s.isNonBlocking(fd);
  if (failed(nonBlocking, null, fn, "Unable to obtain blocking state")) return false;
  const socket = newSocket(fd, family);
  const state = stateOf(socket);
  state.blocking = nonBlocking === 0;
  link(state, stream, streamState);
  streamState.buffered = false;
  return socket;
}

/** The stream kind PHP picks for a socket (by family, `SO_TYPE` and `SO_PROTOCOL`). */
function kindOf(state: SocketState): StreamKind {
  const type = intOption(state.fd, P.SO_TYPE);
  if (state.family === P.AF_INET || state.family === P.AF_INET6) {
    if (type === P.SOCK_STREAM) {
      const protocol = N.SO_PROTOCOL === undefined ? P.SOL_TCP : intOption(state.fd, N.SO_PROTOCOL);
      return protocol === P.SOL_TCP ? "tcp_socket" : "generic_socket";
    }
    return type === P.SOCK_DGRAM ? "udp_socket" : "generic_socket";
  }
  if (state.family === P.AF_UNIX) {
    if (type === P.SOCK_STREAM) return "unix_socket";
    if (type === P.SOCK_DGRAM) return "udg_socket";
  }
  return "generic_socket";
}

/**
 * Makes a stream from a Socket; both then use the same descriptor. The
 * stream keeps PHP's 8 KiB read buffering, the socket's blocking mode and
 * the default 60 s timeout. Asking again returns the same stream.
 *
 * @param socket An open Socket.
 * @returns The stream (`tcp_socket`, `udp_socket`, `unix_socket`,
 *   `udg_socket` or `generic_socket` by the socket's family and type).
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_UNIX, fgets, SOCK_STREAM, type Socket, socket_create_pair, socket_export_stream, socket_write } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * const stream = socket_export_stream(pair[1]);
 * socket_write(pair[0], "line\n");
 * if (stream) console.log(fgets(stream)); // "line\n"
 * ```
 */
export function socket_export_stream(socket: Socket): Stream | false {
  const fn = "socket_export_stream";
  const state = openSocketArg(fn, socket, arguments.length);
  if (state.link) return state.link.stream as Stream;
  const stream = newStream({ fd: state.fd, kind: kindOf(state), blocking: state.blocking });
  link(state, stream, streamStateOf(stream));
  return stream;
}
