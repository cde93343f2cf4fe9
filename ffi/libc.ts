/**
 * The POSIX C library functions the module calls, one entry per function.
 *
 * Each parameter carries the C declaration it stands for. `errno: true` marks
 * the functions that report failure through `errno`; the adapters read it
 * immediately after those calls.
 *
 * @module
 */

import { buf, int, nfds_t, ptr, size_t, socklen_t, ssize_t, uint } from "./types.ts";
import type { SymbolTable } from "./types.ts";

/** libc symbols used by `platform/posix.ts`. */
export const libcSymbols = {
  // Thread-local error state
  __errno_location: { parameters: [], result: ptr }, // int *__errno_location(void)
  __h_errno_location: { parameters: [], result: ptr }, // int *__h_errno_location(void)

  // Socket lifecycle
  socket: {
    parameters: [
      int, // int domain
      int, // int type
      int, // int protocol
    ],
    result: int,
    errno: true,
  },
  socketpair: {
    parameters: [
      int, // int domain
      int, // int type
      int, // int protocol
      buf, // int sv[2]
    ],
    result: int,
    errno: true,
  },
  bind: {
    parameters: [
      int, // int fd
      buf, // const struct sockaddr *addr
      socklen_t, // socklen_t len
    ],
    result: int,
    errno: true,
  },
  listen: {
    parameters: [
      int, // int fd
      int, // int backlog
    ],
    result: int,
    errno: true,
  },
  accept: {
    parameters: [
      int, // int fd
      buf, // struct sockaddr *addr
      buf, // socklen_t *len
    ],
    result: int,
    errno: true,
  },
  connect: {
    parameters: [
      int, // int fd
      buf, // const struct sockaddr *addr
      socklen_t, // socklen_t len
    ],
    result: int,
    errno: true,
  },
  shutdown: {
    parameters: [
      int, // int fd
      int, // int how
    ],
    result: int,
    errno: true,
  },
  close: { parameters: [int /* int fd */], result: int, errno: true },

  // Data transfer
  write: {
    parameters: [
      int, // int fd
      buf, // const void *buf
      size_t, // size_t count
    ],
    result: ssize_t,
    errno: true,
  },
  recv: {
    parameters: [
      int, // int fd
      buf, // void *buf
      size_t, // size_t len
      int, // int flags
    ],
    result: ssize_t,
    errno: true,
  },
  send: {
    parameters: [
      int, // int fd
      buf, // const void *buf
      size_t, // size_t len
      int, // int flags
    ],
    result: ssize_t,
    errno: true,
  },
  recvfrom: {
    parameters: [
      int, // int fd
      buf, // void *buf
      size_t, // size_t len
      int, // int flags
      buf, // struct sockaddr *src_addr
      buf, // socklen_t *addrlen
    ],
    result: ssize_t,
    errno: true,
  },
  sendto: {
    parameters: [
      int, // int fd
      buf, // const void *buf
      size_t, // size_t len
      int, // int flags
      buf, // const struct sockaddr *dest_addr
      socklen_t, // socklen_t addrlen
    ],
    result: ssize_t,
    errno: true,
  },
  sendmsg: {
    parameters: [
      int, // int fd
      buf, // const struct msghdr *msg
      int, // int flags
    ],
    result: ssize_t,
    errno: true,
  },
  recvmsg: {
    parameters: [
      int, // int fd
      buf, // struct msghdr *msg
      int, // int flags
    ],
    result: ssize_t,
    errno: true,
  },

  // Names and options
  getsockname: {
    parameters: [
      int, // int fd
      buf, // struct sockaddr *addr
      buf, // socklen_t *len
    ],
    result: int,
    errno: true,
  },
  getpeername: {
    parameters: [
      int, // int fd
      buf, // struct sockaddr *addr
      buf, // socklen_t *len
    ],
    result: int,
    errno: true,
  },
  getsockopt: {
    parameters: [
      int, // int fd
      int, // int level
      int, // int optname
      buf, // void *optval
      buf, // socklen_t *optlen
    ],
    result: int,
    errno: true,
  },
  setsockopt: {
    parameters: [
      int, // int fd
      int, // int level
      int, // int optname
      buf, // const void *optval
      socklen_t, // socklen_t optlen
    ],
    result: int,
    errno: true,
  },
  sockatmark: { parameters: [int /* int fd */], result: int, errno: true },

  // Descriptor flags and readiness. fcntl is variadic; its third argument is
  // an int for F_GETFL/F_SETFL, which the SysV x86_64 and AAPCS64 (Linux)
  // conventions pass exactly like a fixed int argument.
  fcntl: {
    parameters: [
      int, // int fd
      int, // int cmd
      int, // ... int arg
    ],
    result: int,
    errno: true,
  },
  poll: {
    parameters: [
      buf, // struct pollfd *fds
      nfds_t, // nfds_t nfds
      int, // int timeout
    ],
    result: int,
    errno: true,
  },

  // Messages and C strings
  strlen: { parameters: [ptr /* const char *s */], result: size_t },
  strerror: { parameters: [int /* int errnum */], result: ptr }, // char *strerror(int)
  hstrerror: { parameters: [int /* int err */], result: ptr }, // const char *hstrerror(int)

  // Addresses
  inet_pton: {
    parameters: [
      int, // int af
      buf, // const char *src
      buf, // void *dst
    ],
    result: int,
    errno: true,
  },
  inet_ntop: {
    parameters: [
      int, // int af
      buf, // const void *src
      buf, // char *dst
      socklen_t, // socklen_t size
    ],
    result: ptr,
    errno: true,
  },
  getaddrinfo: {
    parameters: [
      buf, // const char *node
      buf, // const char *service
      buf, // const struct addrinfo *hints
      buf, // struct addrinfo **res
    ],
    result: int,
    errno: true,
  },
  freeaddrinfo: { parameters: [ptr /* struct addrinfo *res */], result: "void" },
  gethostbyname: { parameters: [buf /* const char *name */], result: ptr }, // struct hostent *
  if_nametoindex: { parameters: [buf /* const char *ifname */], result: uint, errno: true },

  // Network interfaces (multicast interface index <-> IPv4 address)
  if_indextoname: {
    parameters: [
      uint, // unsigned int ifindex
      buf, // char *ifname (IF_NAMESIZE bytes)
    ],
    result: ptr,
    errno: true,
  },
  getifaddrs: { parameters: [buf /* struct ifaddrs **ifap */], result: int, errno: true },
  freeifaddrs: { parameters: [ptr /* struct ifaddrs *ifa */], result: "void" },

  // Scatter/gather I/O
  readv: {
    parameters: [
      int, // int fd
      buf, // const struct iovec *iov
      int, // int iovcnt
    ],
    result: ssize_t,
    errno: true,
  },
  writev: {
    parameters: [
      int, // int fd
      buf, // const struct iovec *iov
      int, // int iovcnt
    ],
    result: ssize_t,
    errno: true,
  },

  // Name resolution messages and the stream layer
  gai_strerror: { parameters: [int /* int errcode */], result: ptr }, // const char *gai_strerror(int)
} as const satisfies SymbolTable;

/** The type of {@link libcSymbols}. */
export type LibcSymbols = typeof libcSymbols;

// Added with the macOS and FreeBSD descriptors.

/**
 * `fcntl()` declared for Apple arm64, where a variadic argument does not go
 * in the next register (x2) as a fixed one would, but in the first stack
 * slot. Six padding arguments fill x2..x7, so the real argument, declared as
 * a full 64-bit slot, lands exactly where `fcntl`'s `va_arg` reads it.
 */
export const fcntlStackVariadic = {
  parameters: [
    int, // int fd
    int, // int cmd
    "i64", // (padding: x2)
    "i64", // (padding: x3)
    "i64", // (padding: x4)
    "i64", // (padding: x5)
    "i64", // (padding: x6)
    "i64", // (padding: x7)
    "i64", // ... int arg (first stack slot, 8 bytes)
  ],
  result: int,
  errno: true,
} as const;

/** A function returning the address of a thread's error variable (`__error`, `__h_errno`). */
export const errorLocation = { parameters: [], result: ptr } as const;
