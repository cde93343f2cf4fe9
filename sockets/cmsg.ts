/**
 * Control messages: the platform's `CMSG_*` arithmetic and `cmsghdr`
 * layout (from the descriptor: 16-byte headers and 8-byte alignment on
 * Linux, 12 and 4 on macOS), and walks over received control data.
 *
 * @module
 */

import { platform } from "../platform/mod.ts";

const P = platform.php;
const { headerSize, align, dataOffset } = platform.cmsg;
const CMSG = platform.structs.cmsghdr.fields;
const INT_SIZE = 4;

/** `CMSG_ALIGN(n)`. */
export function cmsgAlign(n: number): number {
  return Math.ceil(n / align) * align;
}

/** `CMSG_SPACE(n)`: the bytes a control message with `n` bytes of data takes. */
export function cmsgSpace(n: number): number {
  return dataOffset + cmsgAlign(n);
}

/** `CMSG_LEN(n)`: the `cmsg_len` of a control message with `n` bytes of data. */
export function cmsgLen(n: number): number {
  return dataOffset + n;
}

/** One control message header read from a buffer. */
export interface CmsgHeader {
  /** Offset of the header in the buffer. */
  readonly at: number;
  /** `cmsg_len` as the kernel wrote it. */
  readonly length: number;
  readonly level: number;
  readonly type: number;
}

function readLength(dv: DataView, at: number): number {
  const [offset, size] = CMSG.cmsg_len;
  return size === 8 ? Number(dv.getBigUint64(at + offset, true)) : dv.getUint32(at + offset, true);
}

/** Reads the header at `at` (which must leave room for a whole header). */
export function readHeader(dv: DataView, at: number): CmsgHeader {
  return {
    at,
    length: readLength(dv, at),
    level: dv.getInt32(at + CMSG.cmsg_level[0], true),
    type: dv.getInt32(at + CMSG.cmsg_type[0], true),
  };
}

/** Writes a header for `dataLength` bytes of data at `at`. */
export function writeHeader(
  dv: DataView,
  at: number,
  level: number,
  type: number,
  dataLength: number,
): void {
  const [offset, size] = CMSG.cmsg_len;
  if (size === 8) dv.setBigUint64(at + offset, BigInt(cmsgLen(dataLength)), true);
  else dv.setUint32(at + offset, cmsgLen(dataLength), true);
  dv.setInt32(at + CMSG.cmsg_level[0], level, true);
  dv.setInt32(at + CMSG.cmsg_type[0], type, true);
}

/**
 * The control messages of `length` bytes of control data, walked as glibc's
 * `CMSG_FIRSTHDR`/`CMSG_NXTHDR` walk them: the next message must fit its
 * header and its whole (aligned) length in the data.
 */
export function* cmsgHeaders(dv: DataView, length: number): Generator<CmsgHeader> {
  if (length < headerSize) return;
  let header = readHeader(dv, 0);
  for (;;) {
    yield header;
    if (header.length < headerSize) return;
    const next = header.at + cmsgAlign(header.length);
    if (next + headerSize > length) return;
    header = readHeader(dv, next);
    if (next + cmsgAlign(header.length) > length) return;
  }
}

/**
 * Every descriptor that `SCM_RIGHTS` messages in the control data carry,
 * found by a lenient walk that also looks at messages the strict walk of
 * {@link cmsgHeaders} stops before (a truncated last message).
 */
export function receivedDescriptors(dv: DataView, length: number): number[] {
  const fds: number[] = [];
  for (let at = 0; at + headerSize <= length;) {
    const header = readHeader(dv, at);
    if (header.length < headerSize) break;
    if (header.level === P.SOL_SOCKET && header.type === P.SCM_RIGHTS) {
      const end = Math.min(at + header.length, length);
      for (let p = at + dataOffset; p + INT_SIZE <= end; p += INT_SIZE) {
        fds.push(dv.getInt32(p, true));
      }
    }
    at += cmsgAlign(header.length);
  }
  return fds;
}
