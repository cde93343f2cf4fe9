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
}
