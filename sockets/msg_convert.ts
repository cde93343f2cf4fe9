/**
 * PHP's message arrays to and from the parts of a `struct msghdr`: the
 * conversions `socket_sendmsg` and `socket_recvmsg` apply (conversions.c,
 * reference §3.2 and §3.5), key by key and in PHP's order, with PHP's error
 * texts and paths.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import type { MessageParts } from "../platform/mod.ts";
import { ancillaryType } from "./ancillary.ts";
import type { AncillaryType, ReceiveContext } from "./ancillary.ts";
import { asBytes, bytesToString } from "./bytes.ts";
import { cmsgHeaders, cmsgLen, cmsgSpace, receivedDescriptors, writeHeader } from "./cmsg.ts";
import { socketType } from "./io.ts";
import { byteString, nameFromNative, nameToNative } from "./msg_name.ts";
import type { Conversion, PhpArray } from "./msg_values.ts";
import {
  arrayGet,
  arrayValues,
  isPhpArray,
  phpInt,
  phpLong,
  phpString,
  phpUint32,
} from "./msg_values.ts";
import type { SockAddr } from "./sockaddr.ts";
import { closeState, stateOf } from "./socket.ts";
import type { Socket, SocketState } from "./socket.ts";

const { MSG_TRUNC, SOCK_STREAM } = platform.php;
const { dataOffset } = platform.cmsg;

/** The most bytes `buffer_size` may ask for, as in PHP. */
const MAX_BUFFER_SIZE = 100 * 1024 * 1024;
/** The receive buffer when `buffer_size` is absent, as in PHP. */
const DEFAULT_BUFFER_SIZE = 8192;
/**
 * The largest control buffer handed to the kernel. The kernel never fills
 * more than a few KiB (at most 253 descriptors per message), so a larger
 * `controllen` is accepted but not allocated in full.
 */
const MAX_CONTROL_SIZE = 1 << 20;

/** A message to send: the parts for the kernel, and the address to check permissions for. */
export interface Outgoing {
  readonly parts: MessageParts;
  readonly address: SockAddr | null;
}

function iovToNative(cx: Conversion, iov: unknown): Uint8Array[] {
  if (!isPhpArray(iov)) {
    cx.fail("expected an array here");
    return [];
  }
  return arrayValues(iov).map((value, i) =>
    ArrayBuffer.isView(value)
      ? asBytes(value)
      : cx.at(`element #${i + 1}`, () => byteString(cx, phpString(value)))
  );
}

/** A control buffer that grows as messages are appended, as PHP's does. */
class ControlBuffer {
  bytes = new Uint8Array(cmsgSpace(20) * 2);
  used = 0;

  /** Room for `space` more bytes; returns a view of the whole buffer. */
  reserve(space: number): DataView {
    if (this.used + space > this.bytes.length) {
      const next = new Uint8Array(Math.max(this.bytes.length * 2, this.used + space));
      next.set(this.bytes);
      this.bytes = next;
    }
    return new DataView(this.bytes.buffer);
  }
}

function optionalInt(cx: Conversion, array: PhpArray, key: string): number | null {
  const value = arrayGet(array, key);
  // A missing level or type is uninitialised memory in PHP; here it is 0.
  return value === undefined ? 0 : cx.at(key, () => phpInt(cx, value));
}

function controlElement(cx: Conversion, state: SocketState, el: unknown, out: ControlBuffer): void {
  if (!isPhpArray(el)) {
    cx.fail("expected an array here");
    return;
  }
  const level = optionalInt(cx, el, "level");
  const type = level === null ? null : optionalInt(cx, el, "type");
  if (level === null || type === null) return;
  const entry: AncillaryType | undefined = ancillaryType(level, type);
  if (!entry) {
    cx.fail(`cmsghdr with level ${level} and type ${type} not supported`);
    return;
  }
  const data = arrayGet(el, "data");
  let length: number | null = entry.size;
  if (entry.dataSize) {
    if (data === undefined) {
      cx.fail("cmsghdr should have a 'data' element here");
      return;
    }
    length = entry.dataSize(cx, data);
    if (length === null) return;
  }
  const at = out.used;
  const dv = out.reserve(cmsgSpace(length));
  writeHeader(dv, at, level, type, length);
  if (data !== undefined) {
    cx.at("data", () => entry.write({ cx, state }, data, dv, at + dataOffset));
  }
  out.used += cmsgSpace(length);
}

function controlToNative(
  cx: Conversion,
  state: SocketState,
  control: unknown,
): ControlBuffer | null {
  if (!isPhpArray(control)) {
    cx.fail("expected an array here");
    return null;
  }
  const elements = arrayValues(control);
  if (elements.length === 0) return null;
  const out = new ControlBuffer();
  elements.forEach((el, i) => {
    if (!cx.failed) cx.at(`element #${i}`, () => controlElement(cx, state, el, out));
  });
  return out;
}

/**
 * Converts `socket_sendmsg`'s message (keys `name`, `iov`, `control`, in
 * that order); `null` after recording an error.
 */
export function messageToSend(
  cx: Conversion,
  state: SocketState,
  message: PhpArray,
): Outgoing | null {
  let address: SockAddr | null = null;
  let iov: Uint8Array[] = [];
  let control: ControlBuffer | null = null;
  const name = arrayGet(message, "name");
  if (name !== undefined) address = cx.at("name", () => nameToNative(cx, state, name, true));
  const iovValue = arrayGet(message, "iov");
  if (!cx.failed && iovValue !== undefined) iov = cx.at("iov", () => iovToNative(cx, iovValue));
  const controlValue = arrayGet(message, "control");
  if (!cx.failed && controlValue !== undefined) {
    control = cx.at("control", () => controlToNative(cx, state, controlValue));
  }
  if (cx.failed) return null;
  const parts: MessageParts = {
    name: address?.bytes ?? null,
    nameLength: address?.length ?? 0,
    iov,
    control: control?.bytes ?? null,
    controlLength: control?.used ?? 0,
    flags: 0,
  };
  return { parts, address };
}

/**
 * Converts `socket_recvmsg`'s message (keys `name`, `buffer_size` and the
 * required `controllen`, in that order) into buffers to receive into;
 * `null` after recording an error.
 */
export function messageToReceive(
  cx: Conversion,
  state: SocketState,
  message: PhpArray,
): MessageParts | null {
  const parts: MessageParts = {
    name: null,
    nameLength: 0,
    iov: [new Uint8Array(DEFAULT_BUFFER_SIZE)],
    control: null,
    controlLength: 0,
    flags: 0,
  };
  const name = arrayGet(message, "name");
  if (name !== undefined) {
    const room = cx.at("name", () => nameToNative(cx, state, name, false));
    parts.name = room?.bytes ?? null;
    parts.nameLength = room?.length ?? 0;
  }
  const bufferSize = arrayGet(message, "buffer_size");
  if (!cx.failed && bufferSize !== undefined) {
    cx.at("buffer_size", () => {
      const n = phpLong(cx, bufferSize);
      if (n === null) return;
      if (n < 0 || n > MAX_BUFFER_SIZE) {
        cx.fail(`the buffer size must be between 1 and ${MAX_BUFFER_SIZE}; given ${n}`);
      } else parts.iov = [new Uint8Array(n)];
    });
  }
  if (cx.failed) return null;
  const controllen = arrayGet(message, "controllen");
  if (controllen === undefined) {
    cx.fail("The key 'controllen' is required");
    return null;
  }
  cx.at("controllen", () => {
    const n = phpUint32(cx, controllen);
    if (n === 0) cx.fail("controllen cannot be 0");
    else if (n !== null) {
      parts.control = new Uint8Array(Math.min(n, MAX_CONTROL_SIZE));
      parts.controlLength = parts.control.length;
    }
  });
  return cx.failed ? null : parts;
}

function controlFromNative(ctx: ReceiveContext, dv: DataView, length: number): unknown[] {
  const { cx } = ctx;
  const list: unknown[] = [];
  let i = 1;
  for (const header of cmsgHeaders(dv, length)) {
    if (cx.failed) break;
    const element: Record<string, unknown> = { level: header.level, type: header.type, data: null };
    list.push(element);
    cx.at(`element #${i++}`, () =>
      cx.at("data", () => {
        const entry = ancillaryType(header.level, header.type);
        if (!entry) {
          cx.fail(`cmsghdr with level ${header.level} and type ${header.type} not supported`);
          return;
        }
        const claimed = Math.min(header.length, length - header.at);
        if (cmsgLen(entry.size) > claimed) {
          cx.fail(
            `the cmsghdr structure is unexpectedly small; expected a length of at least ${
              cmsgLen(entry.size)
            }, but got ${header.length}`,
          );
          return;
        }
        element.data = entry.read(ctx, dv, header.at + dataOffset, claimed - dataOffset);
      }));
  }
  return list;
}

/** The bytes the receive buffer holds after a call that returned `r`. */
function receivedData(state: SocketState, buffer: Uint8Array, r: number, flags: number): string[] {
  // With MSG_TRUNC a stream socket discards the data without copying it.
  if (r <= 0 || ((flags & MSG_TRUNC) !== 0 && socketType(state) === SOCK_STREAM)) return [];
  return [bytesToString(buffer.subarray(0, Math.min(buffer.length, r)))];
}

/**
 * Builds `socket_recvmsg`'s result (keys `name`, `control`, `iov`, `flags`)
 * from a call with `flags` that returned `r`; `null` after recording an
 * error. Every descriptor received is owned afterwards: by a returned
 * Socket, or closed here (when it is not returned, or the conversion failed).
 */
export function receivedMessage(
  cx: Conversion,
  state: SocketState,
  parts: MessageParts,
  r: number,
  flags: number,
): Record<string, unknown> | null {
  const ctx: ReceiveContext = { cx, adopted: [] };
  const control = parts.control ?? new Uint8Array(0);
  const dv = new DataView(control.buffer, control.byteOffset, control.byteLength);
  const result: Record<string, unknown> = {
    name: parts.name ? cx.at("name", () => nameFromNative(cx, parts.name!)) : null,
  };
  if (!cx.failed) {
    result.control = cx.at("control", () => controlFromNative(ctx, dv, parts.controlLength));
  }
  result.iov = receivedData(state, parts.iov[0], r, flags);
  result.flags = parts.flags;
  releaseDescriptors(ctx.adopted, receivedDescriptors(dv, parts.controlLength), cx.failed);
  return cx.failed ? null : result;
}

/** Closes the received descriptors no returned object owns (all of them after a failure). */
function releaseDescriptors(adopted: Socket[], received: number[], failed: boolean): void {
  const owned = new Set(adopted.map((s) => stateOf(s).fd));
  for (const fd of received) if (!owned.has(fd)) sys().close(fd);
  if (failed) { for (const s of adopted) closeState(stateOf(s)); }
}
