/**
 * `sendmsg`, `recvmsg`, `readv` and `writev` for the POSIX backend: lays a
 * {@link MessageParts} out as the platform's `struct msghdr` and
 * `struct iovec` array (through the descriptor's layouts, whose field sizes
 * differ: `msg_iovlen` and `msg_controllen` are `size_t` on Linux, `int` and
 * `socklen_t` on macOS and FreeBSD), makes the call, and reads the lengths
 * and flags the kernel wrote back.
 *
 * Every pointer written into these structs points into a typed array that
 * stays reachable until the synchronous call returns: the msghdr and its
 * iovec array share the buffer passed to C, and the caller's buffers are
 * held by a module variable for the duration of the call.
 *
 * @module
 */

import type { LibcSymbols } from "../ffi/libc.ts";
import { runtime } from "../ffi/load.ts";
import type { NativeFunctions } from "../ffi/native.ts";
import type { PlatformDescriptor } from "./descriptor.ts";
import type { MessageParts, SocketHandle, Sys } from "./sys.ts";

type Field = readonly [offset: number, size: number];
type MessageCalls = Pick<Sys, "sendmsg" | "recvmsg" | "readv" | "writev">;
type MessageFunctions = Pick<
  NativeFunctions<LibcSymbols>,
  "sendmsg" | "recvmsg" | "readv" | "writev"
>;

// Every platform the module supports is little-endian.
function put(dv: DataView, [offset, size]: Field, value: number | bigint): void {
  if (size === 8) dv.setBigUint64(offset, BigInt(value), true);
  else if (size === 4) dv.setUint32(offset, Number(value), true);
  else throw new Error(`msghdr: unsupported field size ${size} at offset ${offset}`);
}

function get(dv: DataView, [offset, size]: Field): number {
  if (size === 8) return Number(dv.getBigUint64(offset, true));
  if (size === 4) return dv.getUint32(offset, true);
  throw new Error(`msghdr: unsupported field size ${size} at offset ${offset}`);
}

/** The address of a buffer, NULL for an empty one. */
function addressOf(view: Uint8Array): bigint {
  return view.byteLength === 0 ? 0n : runtime.addressOf(view);
}

function checkLength(what: string, buffer: Uint8Array | null, length: number): void {
  const capacity = buffer?.byteLength ?? 0;
  if (!Number.isInteger(length) || length < 0 || length > capacity) {
    throw new RangeError(`${what} length ${length} does not fit its ${capacity}-byte buffer`);
  }
}

/**
 * What the calls in flight point into. C sees these buffers only through
 * addresses written into other buffers, so something must keep them
 * reachable until the call returns: they sit on this stack meanwhile.
 */
const inFlight: unknown[] = [];

/** Runs `call` with `buffers` held reachable. */
function holding<T>(buffers: unknown, call: () => T): T {
  inFlight.push(buffers);
  try {
    return call();
  } finally {
    inFlight.pop();
  }
}

/** Creates the message calls over the libc functions `c`. */
export function messageCalls(platform: PlatformDescriptor, c: MessageFunctions): MessageCalls {
  const M = platform.structs.msghdr;
  const F = M.fields;
  const V = platform.structs.iovec;
  const [baseAt, baseSize] = V.fields.iov_base;
  const [lenAt, lenSize] = V.fields.iov_len;
  const noSignal = platform.native.MSG_NOSIGNAL ?? 0;
  /** Where the iovec array starts after the msghdr in one allocation (8-byte aligned). */
  const iovAt = Math.ceil(M.size / 8) * 8;

  /** Writes a `struct iovec[]` describing `buffers` into `raw` at `at`. */
  function writeIovecs(raw: Uint8Array, at: number, buffers: readonly Uint8Array[]): void {
    const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    buffers.forEach((b, i) => {
      const base = at + i * V.size;
      put(dv, [base + baseAt, baseSize], addressOf(b));
      put(dv, [base + lenAt, lenSize], b.byteLength);
    });
  }

  /**
   * A msghdr describing `msg`, followed in the same buffer by its iovec
   * array, so that the buffer passed to C keeps both alive.
   */
  function header(msg: MessageParts): [Uint8Array, DataView] {
    checkLength("msg_name", msg.name, msg.name ? msg.nameLength : 0);
    checkLength("msg_control", msg.control, msg.control ? msg.controlLength : 0);
    const raw = new Uint8Array(iovAt + msg.iov.length * V.size);
    const dv = new DataView(raw.buffer);
    writeIovecs(raw, iovAt, msg.iov);
    put(dv, F.msg_name, msg.name ? addressOf(msg.name) : 0n);
    put(dv, F.msg_namelen, msg.name ? msg.nameLength : 0);
    put(dv, F.msg_iov, msg.iov.length > 0 ? addressOf(raw) + BigInt(iovAt) : 0n);
    put(dv, F.msg_iovlen, msg.iov.length);
    put(dv, F.msg_control, msg.control ? addressOf(msg.control) : 0n);
    put(dv, F.msg_controllen, msg.control ? msg.controlLength : 0);
    return [raw, dv];
  }

  /** A `struct iovec[]` for readv/writev (at least one element's room). */
  function iovecs(buffers: readonly Uint8Array[]): Uint8Array {
    const raw = new Uint8Array(Math.max(1, buffers.length) * V.size);
    writeIovecs(raw, 0, buffers);
    return raw;
  }

  return {
    sendmsg(h: SocketHandle, msg: MessageParts, flags: number): number {
      const [raw] = header(msg);
      return holding(msg, () => c.sendmsg(h, raw, flags | noSignal));
    },
    recvmsg(h: SocketHandle, msg: MessageParts, flags: number): number {
      const [raw, dv] = header(msg);
      const r = holding(msg, () => c.recvmsg(h, raw, flags));
      if (r >= 0) {
        msg.nameLength = msg.name ? Math.min(get(dv, F.msg_namelen), msg.name.byteLength) : 0;
        msg.controlLength = msg.control
          ? Math.min(get(dv, F.msg_controllen), msg.control.byteLength)
          : 0;
        msg.flags = dv.getInt32(F.msg_flags[0], true);
      }
      return r;
    },
    readv(h: SocketHandle, iov: readonly Uint8Array[]): number {
      const raw = iovecs(iov);
      return holding(iov, () => c.readv(h, raw, iov.length));
    },
    writev(h: SocketHandle, iov: readonly Uint8Array[]): number {
      const raw = iovecs(iov);
      return holding(iov, () => c.writev(h, raw, iov.length));
    },
  };
}
