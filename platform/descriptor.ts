/**
 * The shape of a platform descriptor: pure data describing one OS's C ABI,
 * importable (and testable) on any host.
 *
 * @module
 */

/** A struct's size and its fields' `[offset, size]` in bytes, in memory order. */
export interface StructLayout {
  readonly size: number;
  readonly fields: Readonly<Record<string, readonly [offset: number, size: number]>>;
}

/** A field's `[offset, size]` in bytes. */
export type Field = readonly [offset: number, size: number];

/**
 * The message header (`struct msghdr`, Windows `WSAMSG`) and buffer vector
 * (`struct iovec`, Windows `WSABUF`) by role, whatever the platform calls the
 * fields or orders them: code that builds a message reads only these.
 */
export interface MsgLayout {
  /** Size of the message header. */
  readonly size: number;
  /** Pointer to the address (`msg_name`, `name`). */
  readonly name: Field;
  /** Address length (`msg_namelen`, `namelen`). */
  readonly namelen: Field;
  /** Pointer to the buffer vector (`msg_iov`, `lpBuffers`). */
  readonly iov: Field;
  /** Number of buffers (`msg_iovlen`, `dwBufferCount`). */
  readonly iovlen: Field;
  /** Pointer to the control data (`msg_control`, `Control.buf`). */
  readonly control: Field;
  /** Length of the control data (`msg_controllen`, `Control.len`). */
  readonly controllen: Field;
  /** Received flags (`msg_flags`, `dwFlags`). */
  readonly flags: Field;
  /** Size of one buffer vector entry. */
  readonly iovSize: number;
  /** Pointer to the buffer (`iov_base`, `buf`). */
  readonly iovBase: Field;
  /** Length of the buffer (`iov_len`, `len`: first on Windows). */
  readonly iovLen: Field;
}

/** Everything OS-specific that the shared implementation reads as data. */
export interface PlatformDescriptor {
  /** The OS this describes. */
  readonly os: "linux" | "darwin" | "freebsd" | "windows";
  /** File names of the C library (or ws2_32), tried in order. */
  readonly libraries: readonly string[];
  /** The function giving the thread's last error (`__errno_location`, ...). */
  readonly errnoSymbol: string;
  /** Whether sockaddrs start with a one-byte length before a one-byte family (BSD). */
  readonly sockaddrHasLen: boolean;
  /** PHP's constants as PHP registers them on this platform; absent ones are not there. */
  readonly php: Readonly<Record<string, number>>;
  /** OS-level constants the implementation needs (errno names, POLL*, F_*, ...). */
  readonly native: Readonly<Record<string, number>>;
  /** Struct layouts, by C struct name. */
  readonly structs: Readonly<Record<string, StructLayout>>;
  /**
   * `[level, option]` pairs whose `getsockopt()` value is a new descriptor
   * the caller owns (Linux `SO_PEERPIDFD`); the module never leaks it.
   */
  readonly descriptorOptions?: readonly (readonly [level: number, option: number])[];
  /** The cmsg rules: header size, alignment of lengths, offset of the data. */
  readonly cmsg: {
    readonly headerSize: number;
    readonly align: number;
    readonly dataOffset: number;
  };

  // Added with the macOS, FreeBSD and Windows descriptors.
  /**
   * The function giving the address of the resolver's `h_errno`
   * (`__h_errno_location`, FreeBSD `__h_errno`), or `null` where there is
   * none to call: macOS exports `h_errno` as a variable (lookups failing there
   * report `HOST_NOT_FOUND`), Windows reports through `WSAGetLastError()`.
   */
  readonly hErrnoSymbol: string | null;
  /**
   * How writes to a closed peer are kept from raising SIGPIPE: `MSG_NOSIGNAL`
   * added to every send (Linux), `SO_NOSIGPIPE` set on every new socket
   * (macOS, FreeBSD: it also covers `write()`), or nothing (Windows).
   */
  readonly noSigpipe: "MSG_NOSIGNAL" | "SO_NOSIGPIPE" | "none";
  /**
   * The CPU architectures whose C calling convention passes variadic
   * arguments on the stack instead of where a fixed argument would go (Apple
   * arm64), so that `fcntl()`'s third argument must be declared after padding.
   */
  readonly variadicOnStack: readonly ("x86_64" | "aarch64")[];
  /**
   * The value of `SO_RCVTIMEO`/`SO_SNDTIMEO`: a `struct timeval` (POSIX) or a
   * `DWORD` of milliseconds (Windows; `structs.SO_RCVTIMEO_value`).
   */
  readonly socketTimeout: "timeval" | "milliseconds";
  /**
   * How PHP codes a failed host lookup: `-(10000 + h_errno)` on POSIX, the
   * OS error code itself (`WSAHOST_NOT_FOUND`, ...) on Windows.
   */
  readonly hostErrors: "h_errno" | "native";
  /**
   * The IPv4 address `socket_create_listen()` binds: `0.0.0.0` on POSIX,
   * `127.0.0.1` on Windows (PHP resolves "localhost" there).
   */
  readonly listenAddress: readonly [number, number, number, number];
  /**
   * Whether an `fd_set` is a counted list of handles (Windows:
   * `{fd_count, fd_array[FD_SETSIZE]}`) rather than a bit mask indexed by
   * descriptor number.
   */
  readonly fdSetIsList: boolean;
  /** `msghdr`/`iovec` (`WSAMSG`/`WSABUF`) by role. */
  readonly msg: MsgLayout;
}
