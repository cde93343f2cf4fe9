/**
 * The internal system interface: one method per socket syscall, the same on
 * POSIX and Winsock (`posix.ts`, `winsock.ts`).
 *
 * Conventions, as in C: a method returns `-1` on failure and the error code
 * is then available from {@link Sys.lastError} until the next failing call.
 * Buffers are passed as typed arrays owned by the caller; lengths are bytes.
 * Nothing here validates PHP arguments; that is `sockets/`'s job.
 *
 * @module
 */

/**
 * A socket descriptor: a POSIX file descriptor, or a Windows `SOCKET`.
 * Windows handle values fit in 32 bits (the kernel guarantees this for
 * interoperability with 32-bit processes), so a number holds either; the
 * Winsock backend maps `INVALID_SOCKET` to `-1`.
 */
export type SocketHandle = number;

/** The handle value of a failed `socket()` or `accept()`. */
export const INVALID_HANDLE: SocketHandle = -1;

/** Readiness bits for {@link Sys.poll}, the same on every platform. */
export const Ready = {
  /** Readable (data, EOF, or a pending connection). */
  In: 1,
  /** Urgent (out-of-band) data. */
  Pri: 2,
  /** Writable. */
  Out: 4,
  /** Error condition (output only). */
  Err: 8,
  /** Hang-up (output only). */
  Hup: 16,
  /** The handle is not open (output only). */
  Invalid: 32,
} as const;

/** An IPv4 or IPv6 host lookup result, as `gethostbyname()` gives it. */
export interface HostLookup {
  /** `AF_INET` or `AF_INET6` (platform values). */
  readonly family: number;
  /** Raw addresses in network byte order, 4 or 16 bytes each. */
  readonly addresses: readonly Uint8Array[];
}

/** One `struct addrinfo` entry, copied out of C memory. */
export interface AddrInfoEntry {
  readonly flags: number;
  readonly family: number;
  readonly socktype: number;
  readonly protocol: number;
  /** The socket address bytes (`ai_addr`, `ai_addrlen` long). */
  readonly addr: Uint8Array;
  /** `ai_canonname` as a byte string, or `null` when the C field is NULL. */
  readonly canonname: string | null;
}

/** The hints of a `getaddrinfo()` call. */
export interface AddrInfoHints {
  readonly flags?: number;
  readonly family?: number;
  readonly socktype?: number;
  readonly protocol?: number;
}

/**
 * The parts of a `struct msghdr` (Windows: `WSAMSG`) as buffers the caller
 * owns, for {@link Sys.sendmsg} and {@link Sys.recvmsg}. The backend lays
 * them out in the platform's own structs for the duration of the call.
 */
export interface MessageParts {
  /** The socket address (`msg_name`), or `null`; for recvmsg, room for the sender's. */
  name: Uint8Array | null;
  /** Bytes of `name` handed to the kernel; after recvmsg, the length it reported. */
  nameLength: number;
  /** The data buffers (`msg_iov`), each used whole. */
  iov: readonly Uint8Array[];
  /** Ancillary data (`msg_control`), or `null`. */
  control: Uint8Array | null;
  /** Bytes of `control` handed to the kernel; after recvmsg, how many it filled. */
  controlLength: number;
  /** After recvmsg: `msg_flags` (`MSG_TRUNC`, `MSG_CTRUNC`, ...). */
  flags: number;
}

/** The system calls the PHP layer is built on. */
export interface Sys {
  /** The error code of the last failed call, read immediately after it. */
  lastError(): number;

  socket(domain: number, type: number, protocol: number): SocketHandle;
  /** Fills `pair` with two connected handles. */
  socketpair(domain: number, type: number, protocol: number, pair: Int32Array): number;
  bind(h: SocketHandle, addr: Uint8Array, addrLen: number): number;
  listen(h: SocketHandle, backlog: number): number;
  /** `addrLen[0]` is the capacity of `addr` on entry, the address length on return. */
  accept(h: SocketHandle, addr: Uint8Array, addrLen: Uint32Array): SocketHandle;
  connect(h: SocketHandle, addr: Uint8Array, addrLen: number): number;
  shutdown(h: SocketHandle, how: number): number;
  close(h: SocketHandle): number;

  /** `write()` on POSIX, `send(..., 0)` on Windows. */
  write(h: SocketHandle, buf: Uint8Array, len: number): number;
  recv(h: SocketHandle, buf: Uint8Array, len: number, flags: number): number;
  /** Sends with `MSG_NOSIGNAL` added where the platform has it. */
  send(h: SocketHandle, buf: Uint8Array, len: number, flags: number): number;
  recvfrom(
    h: SocketHandle,
    buf: Uint8Array,
    len: number,
    flags: number,
    addr: Uint8Array,
    addrLen: Uint32Array,
  ): number;
  /** Sends with `MSG_NOSIGNAL` added where the platform has it. */
  sendto(
    h: SocketHandle,
    buf: Uint8Array,
    len: number,
    flags: number,
    addr: Uint8Array | null,
    addrLen: number,
  ): number;

  getsockname(h: SocketHandle, addr: Uint8Array, addrLen: Uint32Array): number;
  getpeername(h: SocketHandle, addr: Uint8Array, addrLen: Uint32Array): number;
  getsockopt(
    h: SocketHandle,
    level: number,
    name: number,
    value: Uint8Array,
    valueLen: Uint32Array,
  ): number;
  setsockopt(
    h: SocketHandle,
    level: number,
    name: number,
    value: Uint8Array,
    valueLen: number,
  ): number;

  /** 1 when the handle is in non-blocking mode, 0 when blocking, -1 on failure. */
  isNonBlocking(h: SocketHandle): number;
  /** Switches blocking mode (`fcntl(O_NONBLOCK)`, `ioctlsocket(FIONBIO)`). */
  setNonBlocking(h: SocketHandle, nonBlocking: boolean): number;

  /**
   * Waits until one of `handles` is ready for one of its `events` ({@link Ready}
   * bits) or `timeoutMs` passes (-1: forever). Writes what happened to
   * `revents` and returns how many handles are ready, or -1.
   */
  poll(
    handles: ArrayLike<SocketHandle>,
    events: ArrayLike<number>,
    revents: Uint16Array,
    timeoutMs: number,
  ): number;

  /** The platform's text for an error code (`strerror`, `FormatMessage`). */
  strerror(code: number): string;
  /** The resolver's text for a host-lookup code (`hstrerror`). */
  hstrerror(code: number): string;
  /** Parses a numeric address; `null` if `text` is not one. */
  inetPton(family: number, text: string): Uint8Array | null;
  /** Formats a raw address. */
  inetNtop(family: number, addr: Uint8Array): string;
  /**
   * Resolves a host name the way PHP's address parser does; on failure
   * returns the resolver's error code (`h_errno`) as a number.
   */
  gethostbyname(name: string): HostLookup | number;
  /**
   * Resolves a host and service; returns the entries, or the resolver's
   * error code (`EAI_*`) as a number. With `EAI_SYSTEM`, see {@link lastError}.
   */
  getaddrinfo(
    host: string | null,
    service: string | null,
    hints: AddrInfoHints,
  ): AddrInfoEntry[] | number;
  /** The resolver's last `h_errno`. */
  hErrno(): number;
  /** The index of a network interface, 0 if there is none by that name. */
  ifNameToIndex(name: string): number;

  /** Sends a message with ancillary data (`MSG_NOSIGNAL` added where the platform has it). */
  sendmsg(h: SocketHandle, msg: MessageParts, flags: number): number;
  /**
   * Receives a message with ancillary data; on success updates `msg.nameLength`,
   * `msg.controlLength` and `msg.flags`.
   */
  recvmsg(h: SocketHandle, msg: MessageParts, flags: number): number;
  /** Reads into several buffers in order (`readv()`). */
  readv(h: SocketHandle, iov: readonly Uint8Array[]): number;
  /** Writes several buffers in order (`writev()`). */
  writev(h: SocketHandle, iov: readonly Uint8Array[]): number;
}
