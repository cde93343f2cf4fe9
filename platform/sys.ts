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

  /**
   * `sockatmark()`: 1 at the out-of-band mark, 0 before it, -1 on failure;
   * absent where the C library has no `sockatmark()` (Windows).
   */
  readonly sockatmark?: (h: SocketHandle) => number;
  /** The name of the network interface with this index, `null` if there is none. */
  ifIndexToName(index: number): string | null;
  /**
   * The addresses of the network interfaces (`getifaddrs()`), or -1 with
   * {@link Sys.lastError} set. Entries without an address are left out.
   */
  interfaceAddresses(): InterfaceAddress[] | number;
  /**
   * `setsockopt(level, option, struct sock_fprog)` for a classic BPF program
   * of `count` 8-byte instructions (`struct sock_filter`); Linux only, as
   * the options that take one.
   */
  readonly setsockoptFilter?: (
    h: SocketHandle,
    level: number,
    option: number,
    program: Uint8Array,
    count: number,
  ) => number;

  // Added with the Winsock backend.
  /**
   * Sends a message (`sendmsg()`; Windows `WSASendMsg()`). `msg` is a message
   * header laid out as `platform.msg` says; the caller keeps every buffer its
   * pointers reach alive until the call returns.
   */
  sendmsg(h: SocketHandle, msg: Uint8Array, flags: number): number;
  /**
   * Receives a message (`recvmsg()`; Windows `WSARecvMsg()`, fetched through
   * `WSAIoctl`, which takes the flags in the header's flags field and leaves
   * the received flags there, as `recvmsg()` does).
   */
  recvmsg(h: SocketHandle, msg: Uint8Array, flags: number): number;
  /** Sharing a socket with another process (Windows only; `undefined` elsewhere). */
  readonly sharing?: SocketSharing;

  // Added with socket_readv/socket_writev.
  /**
   * `readv()`: reads into the buffers an iovec array describes (laid out as
   * `platform.msg` says: `iovSize`, `iovBase`, `iovLen`); absent where the C
   * library has no `readv()` (Windows).
   */
  readonly readv?: (h: SocketHandle, iov: Uint8Array, count: number) => number;
  /** `writev()`: writes the buffers an iovec array describes; absent on Windows. */
  readonly writev?: (h: SocketHandle, iov: Uint8Array, count: number) => number;

  // Added with the stream functions and readiness waits.
  /**
   * {@link Sys.poll} off the JS thread: resolves once a handle is ready or
   * `timeoutMs` passed (-1: never), with `revents` written. Deno runs
   * `poll()` on its blocking thread pool, Bun on a worker thread. A
   * negative result carries no error code (it belongs to the other thread):
   * treat it as "nothing ready, ask again". The caller must not close a
   * polled handle without first waking the wait (e.g. through a handle of
   * its own in the set), since the kernel holds the other thread's
   * reference to it until the wait ends.
   */
  pollAsync(
    handles: ArrayLike<SocketHandle>,
    events: ArrayLike<number>,
    revents: Uint16Array,
    timeoutMs: number,
  ): Promise<number>;
  /** The resolver's text for a `getaddrinfo()` error code (`gai_strerror`). */
  gaiStrerror(code: number): string;
}

/** One address of a network interface, copied out of `getifaddrs()`. */
export interface InterfaceAddress {
  /** The interface name, e.g. `lo`. */
  readonly name: string;
  /** The address family (platform value). */
  readonly family: number;
  /** The socket address bytes (`sockaddr_in`, `sockaddr_in6`, ...). */
  readonly addr: Uint8Array;
}

/** How a new mapping came out: its handle (`0n` on failure) and whether the name existed. */
export interface MappingResult {
  readonly handle: bigint;
  readonly existed: boolean;
}

/**
 * Windows' way of handing a socket to another process, as PHP's
 * `socket_wsaprotocol_info_*` use it: `WSADuplicateSocket()` for the target
 * process, the `WSAPROTOCOL_INFO` in named shared memory, `WSASocket()` on
 * the other side. Failures of the memory calls set {@link lastError}
 * (`GetLastError()`); failures of the socket calls set `Sys.lastError()`.
 */
export interface SocketSharing {
  /** Bytes of the protocol info (`WSAPROTOCOL_INFOA`, as PHP's ANSI build shares it). */
  readonly infoSize: number;
  /** Offset of `iAddressFamily` in the protocol info. */
  readonly familyOffset: number;
  /** `WSADuplicateSocket()`: fills `info` for process `pid`; 0, or -1 on failure. */
  duplicate(h: SocketHandle, pid: number, info: Uint8Array): number;
  /** `WSASocket(FROM_PROTOCOL_INFO, ...)`: the shared socket, or `INVALID_HANDLE`. */
  fromProtocolInfo(info: Uint8Array): SocketHandle;
  /** `CreateFileMapping()` of `size` bytes backed by the paging file, named `name`. */
  createMapping(name: string, size: number): MappingResult;
  /** `OpenFileMapping(FILE_MAP_READ)`: the handle, or `0n`. */
  openMapping(name: string): bigint;
  /** Copies `data` into the mapping through a view; false if the view failed. */
  writeMapping(handle: bigint, data: Uint8Array): boolean;
  /** Copies `size` bytes out of the mapping through a view; `null` if the view failed. */
  readMapping(handle: bigint, size: number): Uint8Array | null;
  /** `CloseHandle()` of a mapping. */
  closeMapping(handle: bigint): void;
  /** `GetLastError()` of the last failed memory call. */
  lastError(): number;
}

/**
 * A handle number that no open descriptor can ever have: a call on it fails
 * with `EBADF` and touches nothing. A Socket whose descriptor was closed
 * through a stream sharing it (PHP's "zombie" socket) holds this, so its
 * later calls fail as in PHP without ever reaching a reused descriptor.
 * POSIX descriptors stay far below it (Linux caps them under `fs.nr_open`,
 * at most 2^31 - 65); Windows `SOCKET` handles are multiples of 4.
 */
export const DEAD_HANDLE: SocketHandle = 0x7fffffff;
