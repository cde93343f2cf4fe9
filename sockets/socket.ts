/**
 * PHP's opaque `Socket` and `AddressInfo` classes and the state behind them.
 *
 * A Socket owns one descriptor. `socket_close()` closes it; a Socket that is
 * garbage-collected while open has its descriptor closed by a finalizer, as
 * PHP closes it when the object is destroyed.
 *
 * @module
 */

import { sys } from "../platform/mod.ts";
import type { SocketHandle } from "../platform/mod.ts";

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
    return this.#state.fd;
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

/** Closes a socket's descriptor once; later uses see it as closed. */
export function closeState(state: SocketState): void {
  const fd = state.fd;
  state.fd = -1;
  finalizer.unregister(state);
  if (fd >= 0) sys().close(fd);
}

/**
 * A resolved address, as returned by `socket_addrinfo_lookup()`. Opaque and
 * final, as in PHP 8.
 */
export class AddressInfo {
  /**
   * Always throws: address infos come from `socket_addrinfo_lookup()`.
   *
   * @throws {Error} `Cannot directly construct AddressInfo, use socket_addrinfo_lookup() instead`
   */
  constructor() {
    throw new Error("Cannot directly construct AddressInfo, use socket_addrinfo_lookup() instead");
  }
}
