/**
 * `sendmsg`, `recvmsg`, `readv` and `writev` for the POSIX backend: lays a
 * {@link MessageParts} out as the platform's `struct msghdr` and
 * `struct iovec` array (through the descriptor's layouts, whose field sizes
 * differ: `msg_iovlen` and `msg_controllen` are `size_t` on Linux, `int` and
 * `socklen_t` on macOS and FreeBSD), makes the call, and reads the lengths
 * and flags the kernel wrote back.
 *
 * Every pointer written into these structs points into a typed array that
 * the caller's `MessageParts` (or this module's locals) keeps alive until
 * the synchronous call returns.
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

/** Creates the message calls over the libc functions `c`. */
export function messageCalls(platform: PlatformDescriptor, c: MessageFunctions): MessageCalls {
  const M = platform.structs.msghdr;
  const F = M.fields;
  const V = platform.structs.iovec;
  const noSignal = platform.native.MSG_NOSIGNAL ?? 0;

  /** A `struct iovec[]` describing `buffers` (which must stay alive during the call). */
  function iovecs(buffers: readonly Uint8Array[]): Uint8Array {
    const raw = new Uint8Array(Math.max(1, buffers.length) * V.size);
    const dv = new DataView(raw.buffer);
    buffers.forEach((b, i) => {
      const at = i * V.size;
      put(dv, [at + V.fields.iov_base[0], V.fields.iov_base[1]], addressOf(b));
      put(dv, [at + V.fields.iov_len[0], V.fields.iov_len[1]], b.byteLength);
    });
    return raw;
  }

  /**
   * Runs `call` with a msghdr describing `msg`; `iov` is returned so the
   * caller's frame keeps the iovec array alive through the call.
   */
  function withHeader(
    msg: MessageParts,
    call: (hdr: Uint8Array, iov: Uint8Array) => number,
  ): [number, DataView] {
    checkLength("msg_name", msg.name, msg.name ? msg.nameLength : 0);
    checkLength("msg_control", msg.control, msg.control ? msg.controlLength : 0);
    const hdr = new Uint8Array(M.size);
    const dv = new DataView(hdr.buffer);
    const iov = iovecs(msg.iov);
    put(dv, F.msg_name, msg.name ? addressOf(msg.name) : 0n);
    put(dv, F.msg_namelen, msg.name ? msg.nameLength : 0);
    put(dv, F.msg_iov, msg.iov.length > 0 ? addressOf(iov) : 0n);
    put(dv, F.msg_iovlen, msg.iov.length);
    put(dv, F.msg_control, msg.control ? addressOf(msg.control) : 0n);
    put(dv, F.msg_controllen, msg.control ? msg.controlLength : 0);
    return [call(hdr, iov), dv];
  }

  return {
    sendmsg(h: SocketHandle, msg: MessageParts, flags: number): number {
      return withHeader(msg, (hdr) => c.sendmsg(h, hdr, flags | noSignal))[0];
    },
    recvmsg(h: SocketHandle, msg: MessageParts, flags: number): number {
      const [r, dv] = withHeader(msg, (hdr) => c.recvmsg(h, hdr, flags));
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
      return c.readv(h, raw, iov.length);
    },
    writev(h: SocketHandle, iov: readonly Uint8Array[]): number {
      const raw = iovecs(iov);
      return c.writev(h, raw, iov.length);
    },
  };
}
