/**
 * The stream class the stream socket functions return (PHP's stream
 * resource), its state, and the rules for closing it.
 *
 * A stream owns its descriptor. `fclose()` closes it; a stream that is
 * garbage-collected while open has it closed by a finalizer, as PHP frees a
 * resource nobody references. Sockets made from the stream (or the stream
 * made from a socket) by `socket_import_stream`/`socket_export_stream`
 * share the descriptor; see {@link closeStream}.
 *
 * @module
 */

import { DEAD_HANDLE, sys } from "../platform/mod.ts";
import type { SocketHandle } from "../platform/mod.ts";
import { PHP_TYPE, phpType } from "../sockets/args.ts";
import type { SocketState } from "../sockets/socket.ts";
import { cancelWaits } from "./reactor.ts";
import { readableOf, writableOf } from "./web.ts";

/** The kinds of socket stream, as `stream_get_meta_data()` names them. */
export type StreamKind =
  | "tcp_socket"
  | "udp_socket"
  | "unix_socket"
  | "udg_socket"
  | "generic_socket";

/** `socket` options of a stream context (`stream_context_create(["socket" => [...]])`). */
export type SocketContextOptions = Readonly<Record<string, unknown>>;

/** What a stream holds: PHP's `php_stream` and `php_netstream_data_t` fields. */
export interface StreamState {
  /** The descriptor; -1 when the stream has none (never bound or connected) or is closed. */
  fd: SocketHandle;
  /** False once closed (`fclose()`, or `socket_close()` of a socket sharing it). */
  open: boolean;
  readonly kind: StreamKind;
  /** PHP's `is_blocked`. */
  blocking: boolean;
  /** Read/write timeout: PHP's `timeval`; `sec === -1` means none. */
  timeout: { sec: number; usec: number };
  /** PHP's `timeout_event`: the last wait timed out. */
  timedOut: boolean;
  eof: boolean;
  /** PHP's read buffer: bytes `readPos..writePos` of `buf` are unread. */
  buf: Uint8Array;
  readPos: number;
  writePos: number;
  /** PHP's `has_buffered_data`: the read in progress already took buffered bytes. */
  hasBufferedData: boolean;
  /** Reads go through the buffer; `socket_import_stream()` turns this off. */
  buffered: boolean;
  /** PHP's "no I/O" flag of bound server streams. */
  noIo: boolean;
  /** The `socket` options of the stream's context, if it has one. */
  context: SocketContextOptions | null;
  /** The key of a persistent client stream, if it is one. */
  persistentKey?: string;
  /** Sockets sharing the descriptor (socket_import_stream/socket_export_stream). */
  sockets: WeakRef<SocketState>[];
  /** Called once when the stream closes (persistent stream bookkeeping). */
  onClose?: () => void;
}

/** PHP's `default_socket_timeout`, in seconds. */
export const DEFAULT_SOCKET_TIMEOUT = 60;

const finalizer = new FinalizationRegistry<StreamState>((state) => closeStream(state));

let pending: StreamState | null = null;

/** The state behind a Stream (internal); set by the class's static block. */
export let streamStateOf: (stream: Stream) => StreamState;

/**
 * A socket stream, as returned by `stream_socket_server()`,
 * `stream_socket_client()`, `stream_socket_accept()`,
 * `stream_socket_pair()` and `socket_export_stream()`: PHP's stream
 * resource. Opaque: it cannot be constructed directly.
 *
 * Beyond PHP, {@link Stream.readable} and {@link Stream.writable} expose it
 * as Web Streams.
 *
 * @example
 * ```ts
 * import { fclose, fgets, fwrite, STREAM_PF_UNIX, STREAM_SOCK_STREAM, stream_socket_pair } from "./mod.ts";
 * const pair = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
 * if (pair) {
 *   fwrite(pair[0], "hello\n");
 *   console.log(fgets(pair[1])); // "hello\n"
 *   pair.forEach(fclose);
 * }
 * ```
 */
export class Stream {
  readonly #state: StreamState;

  /** PHP's type name for a stream in error messages (`resource given`). */
  get [PHP_TYPE](): string {
    return "resource";
  }

  /**
   * Always throws: streams come from the stream socket functions.
   *
   * @throws {Error} `Cannot directly construct Stream, use stream_socket_client() or stream_socket_server() instead`
   */
  constructor() {
    if (pending === null || new.target !== Stream) {
      throw new Error(
        "Cannot directly construct Stream, use stream_socket_client() or stream_socket_server() instead",
      );
    }
    this.#state = pending;
    pending = null;
  }

  /**
   * The underlying descriptor, or -1 when the stream has none or is
   * closed. The stream still owns it: do not close it.
   */
  get unsafeHandle(): SocketHandle {
    return this.#state.open ? this.#state.fd : -1;
  }

  /**
   * The bytes arriving on the stream, as a Web `ReadableStream` (the same
   * one on every access). Bytes already buffered by `fgets()`/`fread()`
   * come first. It waits without blocking the event loop and ends at end of
   * file. Cancelling it does not close the stream; `fclose()` does, and
   * ends it with an error.
   *
   * @example
   * ```ts
   * import { STREAM_PF_UNIX, STREAM_SOCK_STREAM, stream_socket_pair, fwrite, fclose } from "./mod.ts";
   * const [a, b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) || [];
   * fwrite(a, "hi"); fclose(a);
   * const text = await new Response(b.readable).text(); // "hi"
   * ```
   */
  get readable(): ReadableStream<Uint8Array> {
    return readableOf(this);
  }

  /**
   * A Web `WritableStream` that sends every chunk completely, waiting
   * without blocking the event loop when the socket's buffer is full.
   * Closing it shuts down the sending side (`shutdown(SHUT_WR)`), not the
   * stream.
   */
  get writable(): WritableStream<Uint8Array> {
    return writableOf(this);
  }

  static {
    streamStateOf = (stream) => stream.#state;
  }
}

/** Options of a new stream. */
export interface NewStream {
  fd: SocketHandle;
  kind: StreamKind;
  blocking?: boolean;
  noIo?: boolean;
  context?: SocketContextOptions | null;
  timeout?: { sec: number; usec: number };
}

/** Wraps a descriptor (or -1) in a Stream that owns it. */
export function newStream(options: NewStream): Stream {
  const state: StreamState = {
    fd: options.fd,
    open: true,
    kind: options.kind,
    blocking: options.blocking ?? true,
    timeout: options.timeout ?? { sec: DEFAULT_SOCKET_TIMEOUT, usec: 0 },
    timedOut: false,
    eof: false,
    buf: new Uint8Array(0),
    readPos: 0,
    writePos: 0,
    hasBufferedData: false,
    buffered: true,
    noIo: options.noIo ?? false,
    context: options.context ?? null,
    sockets: [],
  };
  pending = state;
  const stream = new Stream();
  finalizer.register(stream, state, state);
  return stream;
}

/**
 * Closes a stream once, and its descriptor with it. Sockets sharing the
 * descriptor keep looking open, as in PHP, but hold {@link DEAD_HANDLE} from
 * now on: their calls fail with `EBADF` and can never reach a descriptor
 * that the number is reused for. Returns false when it was closed already.
 */
export function closeStream(state: StreamState): boolean {
  if (!state.open) return false;
  state.open = false;
  finalizer.unregister(state);
  const fd = state.fd;
  state.fd = -1;
  state.buf = new Uint8Array(0);
  state.readPos = state.writePos = 0;
  for (const ref of state.sockets) {
    const socket = ref.deref();
    if (socket && socket.fd >= 0) socket.fd = DEAD_HANDLE;
  }
  state.sockets = [];
  if (fd >= 0) {
    cancelWaits(fd);
    sys().close(fd);
  }
  state.onClose?.();
  return true;
}

/** Whether a value is a Stream (open or closed). */
export function isStream(value: unknown): value is Stream {
  return value instanceof Stream;
}

/**
 * The descriptor a stream carries, for handing it on (e.g. `SCM_RIGHTS` in
 * `socket_sendmsg`): -1 when the stream is closed or has none. The stream
 * keeps owning it.
 */
export function descriptorOf(stream: Stream): SocketHandle {
  const state = streamStateOf(stream);
  return state.open ? state.fd : -1;
}

/**
 * Checks a stream argument as PHP does: a `TypeError` for anything but a
 * stream (`must be of type resource, X given`) or for a closed one
 * (`supplied resource is not a valid stream resource`).
 */
export function streamArg(fn: string, pos: number, name: string, value: unknown): StreamState {
  if (!(value instanceof Stream)) {
    throw new TypeError(
      `${fn}(): Argument #${pos} ($${name}) must be of type resource, ${phpType(value)} given`,
    );
  }
  const state = streamStateOf(value);
  if (!state.open) throw new TypeError(`${fn}(): supplied resource is not a valid stream resource`);
  return state;
}

/** The bytes in a stream's read buffer, not yet read. */
export function unreadBytes(state: StreamState): number {
  return state.writePos - state.readPos;
}
