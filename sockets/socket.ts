/**
 * PHP's opaque `Socket` and `AddressInfo` classes and the state behind them.
 *
 * A Socket owns one descriptor. `socket_close()` closes it; a Socket that is
 * garbage-collected while open has its descriptor closed by a finalizer, as
 * PHP closes it when the object is destroyed.
 *
 * @module
 */

import { DEAD_HANDLE, sys } from "../platform/mod.ts";
import type { AddrInfoEntry, SocketHandle } from "../platform/mod.ts";
import { cancelWaits } from "../streams/reactor.ts";
import { readableOf, writableOf } from "../streams/web.ts";

/** What a Socket holds: PHP's `php_socket` fields. */
export interface SocketState {
  /** The descriptor, or -1 once closed. */
  fd: SocketHandle;
  /** The address family the socket was created with (PHP's `type`). */
  readonly family: number;
  /** The socket's last error code (PHP's `error`). */
  error: number;
  /** PHP's bookkeeping of the blocking mode. */
  blocking: boolean;
  /** The socket type (`SO_TYPE`), once something needed it. */
  type?: number;
  /**
   * The stream sharing this descriptor (`socket_import_stream`,
   * `socket_export_stream`), PHP's `zstream`. While it is set the stream
   * owns the descriptor: closing the socket closes the stream, and a
   * stream closed by `fclose()` leaves the socket holding
   * {@link DEAD_HANDLE}.
   */
  link?: StreamLink;
}

/** A socket's tie to the stream that shares its descriptor. */
export interface StreamLink {
  /** The stream object; the socket keeps it alive, as PHP's `zstream` reference does. */
  readonly stream: object;
  /** Closes the stream, and with it the descriptor; false when the stream was closed already. */
  close(): boolean;
  /**
   * Sets the blocking mode through the stream, so that the stream's own
   * flag follows (PHP's socket_set_block/socket_set_nonblock on a bridged
   * socket); false when the stream is gone or the call failed.
   */
  setBlocking(blocking: boolean): boolean;
}

const finalizer = new FinalizationRegistry<SocketState>((state) => {
  if (state.fd >= 0) {
    sys().close(state.fd);
    state.fd = -1;
  }
});

let pending: SocketState | null = null;

/** The state behind a Socket (internal to `sockets/`); set by the class's static block. */
export let stateOf: (socket: Socket) => SocketState;

/**
 * A socket, as returned by `socket_create()`, `socket_accept()` and friends.
 * Opaque and final, as in PHP 8: it cannot be constructed or extended.
 *
 * @example
 * ```ts
 * import { AF_INET, SOCK_STREAM, Socket, socket_close, socket_create } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_STREAM, 0);
 * console.log(s instanceof Socket); // true
 * if (s) socket_close(s);
 * ```
 */
export class Socket {
  readonly #state: SocketState;

  /**
   * Always throws: sockets come from `socket_create()` and the other
   * functions that return one.
   *
   * @throws {Error} `Cannot directly construct Socket, use socket_create() instead`
   */
  constructor() {
    if (pending === null || new.target !== Socket) {
      throw new Error("Cannot directly construct Socket, use socket_create() instead");
    }
    this.#state = pending;
    pending = null;
  }

  /**
   * The underlying descriptor (a file descriptor, or a Windows SOCKET), or -1
   * once the socket is closed. The Socket still owns it: do not close it, and
   * do not use it after `socket_close()`.
   */
  get unsafeHandle(): SocketHandle {
    const fd = this.#state.fd;
    return fd === DEAD_HANDLE ? -1 : fd;
  }

  /**
   * Beyond PHP: the bytes arriving on the socket, as a Web `ReadableStream`
   * of `Uint8Array` (the same one on every access), read without blocking
   * the event loop. It ends at end of file; `socket_close()` ends it with
   * an error; cancelling it leaves the socket open. See `readableOf()`.
   *
   * @example
   * ```ts
   * import { AF_UNIX, SOCK_STREAM, type Socket, socket_close, socket_create_pair, socket_write } from "./mod.ts";
   * const pair: Socket[] = [];
   * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
   * socket_write(pair[0], "hi");
   * socket_close(pair[0]);
   * console.log(await new Response(pair[1].readable).text()); // "hi"
   * ```
   */
  get readable(): ReadableStream<Uint8Array> {
    return readableOf(this);
  }

  /**
   * Beyond PHP: a Web `WritableStream` of `Uint8Array` sending on the
   * socket without blocking the event loop; closing it shuts down the
   * sending side. See `writableOf()`.
   */
  get writable(): WritableStream<Uint8Array> {
    return writableOf(this);
  }

  static {
    stateOf = (socket) => socket.#state;
  }
}

/** Wraps a new descriptor in a Socket that owns it. */
export function newSocket(fd: SocketHandle, family: number): Socket {
  const state: SocketState = { fd, family, error: 0, blocking: true };
  pending = state;
  const socket = new Socket();
  finalizer.register(socket, state, state);
  return socket;
}

/**
 * Closes a socket's descriptor once; later uses see it as closed. A socket
 * that shares its descriptor with a stream closes the stream instead, which
 * closes the descriptor. Returns false when that stream had been closed
 * already (by `fclose()`), which PHP's `socket_close()` reports.
 */
export function closeState(state: SocketState): boolean {
  const fd = state.fd;
  state.fd = -1;
  finalizer.unregister(state);
  if (state.link) return state.link.close();
  if (fd >= 0) {
    cancelWaits(fd);
    sys().close(fd);
  }
  return true;
}

/**
 * Hands a socket's descriptor over to a stream (socket_import_stream,
 * socket_export_stream): from now on the stream closes it, and the socket
 * keeps the stream alive.
 */
export function linkStream(state: SocketState, link: StreamLink): void {
  finalizer.unregister(state);
  state.link = link;
}

let pendingEntry: AddrInfoEntry | null = null;

/** The `struct addrinfo` copy behind an AddressInfo (internal); set by the class's static block. */
export let entryOf: (info: AddressInfo) => AddrInfoEntry;

/**
 * A resolved address, as returned by `socket_addrinfo_lookup()`: a copy of
 * one `struct addrinfo` entry. Opaque and final, as in PHP 8; read it with
 * `socket_addrinfo_explain()`.
 *
 * @example
 * ```ts
 * import { AddressInfo, socket_addrinfo_lookup } from "./mod.ts";
 * const infos = socket_addrinfo_lookup("127.0.0.1", "80");
 * console.log(infos && infos[0] instanceof AddressInfo); // true
 * ```
 */
export class AddressInfo {
  readonly #entry: AddrInfoEntry;

  /**
   * Always throws: address infos come from `socket_addrinfo_lookup()`.
   *
   * @throws {Error} `Cannot directly construct AddressInfo, use socket_addrinfo_lookup() instead`
   */
  constructor() {
    if (pendingEntry === null || new.target !== AddressInfo) {
      throw new Error(
        "Cannot directly construct AddressInfo, use socket_addrinfo_lookup() instead",
      );
    }
    this.#entry = pendingEntry;
    pendingEntry = null;
  }

  static {
    entryOf = (info) => info.#entry;
  }
}

/** Wraps a copied `struct addrinfo` entry in an AddressInfo. */
export function newAddressInfo(entry: AddrInfoEntry): AddressInfo {
  pendingEntry = entry;
  return new AddressInfo();
}
