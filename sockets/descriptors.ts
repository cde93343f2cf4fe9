/**
 * Descriptors passed with `SCM_RIGHTS`: which descriptor a PHP value carries
 * (sending), and the object a received descriptor becomes (receiving).
 *
 * These two functions are the only places that know which kinds of objects
 * carry a descriptor: Sockets and streams.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import { descriptorOf as streamDescriptor, Stream } from "../streams/stream.ts";
import { newSocket, Socket, stateOf } from "./socket.ts";

const { SOL_SOCKET, SO_TYPE, AF_UNSPEC } = platform.php;
const { ENOTSOCK, SO_DOMAIN } = platform.native;

/**
 * The descriptor that an element of an `SCM_RIGHTS` data list carries, or
 * PHP's error text for an element that carries none.
 */
export function descriptorOf(value: unknown): number | string {
  if (value instanceof Socket) {
    const fd = stateOf(value).fd;
    return fd < 0 ? "socket is already closed" : fd;
  }
  if (value instanceof Stream) {
    const fd = streamDescriptor(value);
    return fd < 0 ? "resource is not a stream" : fd;
  }
  return "expected a Socket object or a stream resource";
}

function intOption(fd: number, level: number, name: number): number | null {
  const value = new Int32Array(1);
  const len = new Uint32Array([4]);
  const r = sys().getsockopt(fd, level, name, new Uint8Array(value.buffer), len);
  return r < 0 ? null : value[0];
}

/** The family of a socket descriptor: `SO_DOMAIN` where it exists, else its name's family. */
function familyOf(fd: number): number {
  if (SO_DOMAIN !== undefined) {
    const domain = intOption(fd, SOL_SOCKET, SO_DOMAIN);
    if (domain !== null) return domain;
  }
  const addr = new Uint8Array(128);
  const len = new Uint32Array([addr.length]);
  if (sys().getsockname(fd, addr, len) < 0 || len[0] < 2) return AF_UNSPEC ?? 0;
  return platform.sockaddrHasLen ? addr[1] : addr[0] | (addr[1] << 8);
}

/**
 * Takes ownership of a descriptor received with `SCM_RIGHTS` and returns the
 * object that now owns it (closing the object closes the descriptor), or
 * PHP's error text when the descriptor cannot be inspected (then the caller
 * still owns it). A socket becomes a Socket with its family, type and
 * blocking mode read from the descriptor, as PHP imports it.
 *
 * Differences from PHP: a descriptor that is not a socket (a pipe, a file)
 * also becomes a Socket, of family `AF_UNSPEC` (0): the module's streams are
 * socket streams only; PHP returns a plain stdio stream for it.
 */
export function adoptDescriptor(fd: number): Socket | string {
  const type = intOption(fd, SOL_SOCKET, SO_TYPE);
  if (type === null) {
    const code = sys().lastError();
    if (code !== ENOTSOCK) {
      return `error creating resource for received file descriptor ${fd}: fstat() call failed with errno ${code}`;
    }
    return newSocket(fd, AF_UNSPEC ?? 0);
  }
  const socket = newSocket(fd, familyOf(fd));
  const state = stateOf(socket);
  state.type = type;
  state.blocking = sys().isNonBlocking(fd) !== 1;
  return socket;
}
