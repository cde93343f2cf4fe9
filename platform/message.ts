/**
 * Messages as buffers: lays a {@link MessageParts} out as the platform's
 * message header (`struct msghdr`, Windows `WSAMSG`) and buffer vector
 * (`struct iovec[]`, `WSABUF[]`) through the descriptor's roles
 * (`platform.msg`), calls {@link Sys.sendmsg}/{@link Sys.recvmsg} (or
 * `readv`/`writev`), and reads back what the kernel wrote.
 *
 * Every pointer written into these structs points into a typed array that
 * stays reachable until the synchronous call returns: the header and its
 * vector share the buffer passed to C, and the caller's buffers are held by
 * this module for the duration of the call.
 *
 * @module
 */

import { runtime } from "../ffi/load.ts";
import type { Field, PlatformDescriptor } from "./descriptor.ts";
import type { SocketHandle, Sys } from "./sys.ts";

/** The parts of a message, as buffers the caller owns. */
export interface MessageParts {
  /** The socket address (`msg_name`), or `null`; for a receive, room for the sender's. */
  name: Uint8Array | null;
  /** Bytes of `name` handed to the kernel; after a receive, the length it reported. */
  nameLength: number;
  /** The data buffers (`msg_iov`), each used whole. */
  iov: readonly Uint8Array[];
  /** Ancillary data (`msg_control`), or `null`. */
  control: Uint8Array | null;
  /** Bytes of `control` handed to the kernel; after a receive, how many it filled. */
  controlLength: number;
  /** After a receive: `msg_flags` (`MSG_TRUNC`, `MSG_CTRUNC`, ...). */
  flags: number;
}

// Every platform the module supports is little-endian.
function put(dv: DataView, [offset, size]: Field, value: number | bigint): void {
  if (size === 8) dv.setBigUint64(offset, BigInt(value), true);
  else if (size === 4) dv.setUint32(offset, Number(value), true);
  else throw new Error(`message header: unsupported field size ${size} at offset ${offset}`);
}

function get(dv: DataView, [offset, size]: Field): number {
  if (size === 8) return Number(dv.getBigUint64(offset, true));
  if (size === 4) return dv.getUint32(offset, true);
  throw new Error(`message header: unsupported field size ${size} at offset ${offset}`);
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

function holding<T>(buffers: unknown, call: () => T): T {
  inFlight.push(buffers);
  try {
    return call();
  } finally {
    inFlight.pop();
  }
}

/** Writes a buffer vector describing `buffers` into `raw` at `at`. */
function layVector(
  platform: PlatformDescriptor,
  raw: Uint8Array,
  at: number,
  buffers: readonly Uint8Array[],
): void {
  const m = platform.msg;
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  buffers.forEach((b, i) => {
    const base = at + i * m.iovSize;
    put(dv, [base + m.iovBase[0], m.iovBase[1]], addressOf(b));
    put(dv, [base + m.iovLen[0], m.iovLen[1]], b.byteLength);
  });
}

/** A message header describing `msg`, followed in the same buffer by its vector. */
function header(platform: PlatformDescriptor, msg: MessageParts): [Uint8Array, DataView] {
  const m = platform.msg;
  checkLength("msg_name", msg.name, msg.name ? msg.nameLength : 0);
  checkLength("msg_control", msg.control, msg.control ? msg.controlLength : 0);
  const vectorAt = Math.ceil(m.size / 8) * 8;
  const raw = new Uint8Array(vectorAt + msg.iov.length * m.iovSize);
  const dv = new DataView(raw.buffer);
  layVector(platform, raw, vectorAt, msg.iov);
  put(dv, m.name, msg.name ? addressOf(msg.name) : 0n);
  put(dv, m.namelen, msg.name ? msg.nameLength : 0);
  put(dv, m.iov, msg.iov.length > 0 ? addressOf(raw) + BigInt(vectorAt) : 0n);
  put(dv, m.iovlen, msg.iov.length);
  put(dv, m.control, msg.control ? addressOf(msg.control) : 0n);
  put(dv, m.controllen, msg.control ? msg.controlLength : 0);
  return [raw, dv];
}

/** Sends a message ({@link Sys.sendmsg}); -1 on failure, the error in {@link Sys.lastError}. */
export function sendMessage(
  s: Sys,
  platform: PlatformDescriptor,
  h: SocketHandle,
  msg: MessageParts,
  flags: number,
): number {
  const [raw] = header(platform, msg);
  return holding(msg, () => s.sendmsg(h, raw, flags));
}

/**
 * Receives a message ({@link Sys.recvmsg}); on success sets `msg.nameLength`,
 * `msg.controlLength` and `msg.flags` from what the kernel wrote back.
 */
export function receiveMessage(
  s: Sys,
  platform: PlatformDescriptor,
  h: SocketHandle,
  msg: MessageParts,
  flags: number,
): number {
  const m = platform.msg;
  const [raw, dv] = header(platform, msg);
  const r = holding(msg, () => s.recvmsg(h, raw, flags));
  if (r >= 0) {
    msg.nameLength = msg.name ? Math.min(get(dv, m.namelen), msg.name.byteLength) : 0;
    msg.controlLength = msg.control ? Math.min(get(dv, m.controllen), msg.control.byteLength) : 0;
    msg.flags = dv.getInt32(m.flags[0], true);
  }
  return r;
}

/** `readv()`/`writev()` over `buffers`; `null` where the platform has no such call. */
function vectorCall(
  call: ((h: SocketHandle, iov: Uint8Array, count: number) => number) | undefined,
  platform: PlatformDescriptor,
  h: SocketHandle,
  buffers: readonly Uint8Array[],
): number | null {
  if (!call) return null;
  const raw = new Uint8Array(Math.max(1, buffers.length) * platform.msg.iovSize);
  layVector(platform, raw, 0, buffers);
  return holding(buffers, () => call(h, raw, buffers.length));
}

/** Reads into `buffers` in order with one `readv()`; `null` where there is none (Windows). */
export function readVector(
  s: Sys,
  platform: PlatformDescriptor,
  h: SocketHandle,
  buffers: readonly Uint8Array[],
): number | null {
  return vectorCall(s.readv, platform, h, buffers);
}

/** Writes `buffers` in order with one `writev()`; `null` where there is none (Windows). */
export function writeVector(
  s: Sys,
  platform: PlatformDescriptor,
  h: SocketHandle,
  buffers: readonly Uint8Array[],
): number | null {
  return vectorCall(s.writev, platform, h, buffers);
}
