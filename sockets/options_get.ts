/**
 * How `socket_get_option()` reads each option (reference §2A.1): the
 * struct-valued ones as PHP arrays, everything else as an int built only
 * from the bytes the kernel wrote.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import type { StructLayout } from "../platform/mod.ts";
import { bytesToString } from "./bytes.ts";
import { warn } from "./errors.ts";
import { interfaceOfIPv4 } from "./multicast.ts";
import { socketError } from "./report.ts";
import { newSocket, type Socket, type SocketState } from "./socket.ts";

const P = platform.php;
const S = platform.structs;
const { IF_NAMESIZE = 16, SK_MEMINFO_VARS = 9 } = platform.native;
const TCP_CA_NAME_MAX = 16;

/** The value `socket_get_option()` returns on success. */
export type OptionValue = number | string | Socket | Record<string, number | string>;

/** The keys of `SO_MEMINFO`'s array, in PHP's order (`SK_MEMINFO_*`). */
const MEMINFO_KEYS = [
  "rmem_alloc",
  "rcvbuf",
  "wmem_alloc",
  "sndbuf",
  "fwd_alloc",
  "wmem_queued",
  "optmem",
  "backlog",
  "drops",
] as const;

/** Options whose value is a new descriptor the caller must own (`SO_PEERPIDFD`). */
const DESCRIPTOR_OPTIONS = new Set(
  (platform.descriptorOptions ?? []).map(([level, option]) => `${level}:${option}`),
);

/** getsockopt() into a fresh buffer: the bytes the kernel wrote, or false after PHP's error. */
function read(
  fn: string,
  state: SocketState,
  level: number,
  option: number,
  size: number,
  msg = "Unable to retrieve socket option",
): Uint8Array | false {
  const buf = new Uint8Array(size);
  const len = new Uint32Array([size]);
  if (sys().getsockopt(state.fd, level, option, buf, len) < 0) {
    socketError(state, fn, msg, sys().lastError());
    return false;
  }
  return buf.subarray(0, Math.min(len[0], size));
}

/** A little-endian integer field of `bytes`: signed when 4 or 8 bytes wide. */
function field(bytes: Uint8Array, [offset, size]: readonly [number, number]): number {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (offset + size > bytes.length) return 0;
  switch (size) {
    case 1:
      return dv.getUint8(offset);
    case 2:
      return dv.getUint16(offset, true);
    case 4:
      return dv.getInt32(offset, true);
    default:
      return Number(dv.getBigInt64(offset, true));
  }
}

/** A struct read as a PHP array: `keys` maps each PHP key to a field of `layout`. */
function struct(
  bytes: Uint8Array,
  layout: StructLayout,
  keys: Readonly<Record<string, string>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, name] of Object.entries(keys)) out[key] = field(bytes, layout.fields[name]);
  return out;
}

/** A NUL-terminated name in the bytes the kernel wrote. */
function cName(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return bytesToString(end < 0 ? bytes : bytes.subarray(0, end));
}

/** The generic path: an int, from the bytes written (one byte is unsigned, as in PHP). */
function genericInt(bytes: Uint8Array): number {
  if (bytes.length >= 4) return field(bytes, [0, 4]);
  let n = 0;
  for (let i = bytes.length - 1; i >= 0; i--) n = n * 256 + bytes[i];
  return n;
}

function solSocket(
  fn: string,
  state: SocketState,
  option: number,
): OptionValue | false | undefined {
  const get = (size: number): Uint8Array | false => read(fn, state, P.SOL_SOCKET, option, size);
  switch (option) {
    case P.SO_LINGER:
    case P.SO_LINGER_SEC: {
      const bytes = get(S.linger.size);
      return bytes && struct(bytes, S.linger, { l_onoff: "l_onoff", l_linger: "l_linger" });
    }
    case P.SO_RCVTIMEO:
    case P.SO_SNDTIMEO: {
      if (platform.socketTimeout === "milliseconds") {
        // Windows: a DWORD of milliseconds.
        const bytes = get(4);
        if (!bytes) return false;
        const ms = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
        return { sec: Math.trunc(ms / 1000), usec: (ms % 1000) * 1000 };
      }
      const bytes = get(S.timeval.size);
      return bytes && struct(bytes, S.timeval, { sec: "tv_sec", usec: "tv_usec" });
    }
    case P.SO_MEMINFO: {
      const bytes = get(SK_MEMINFO_VARS * 4);
      if (!bytes) return false;
      if (bytes.length !== SK_MEMINFO_VARS * 4) {
        warn(fn, "Unable to retrieve all socket meminfo data");
        return false;
      }
      const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
      const out: Record<string, number> = {};
      MEMINFO_KEYS.forEach((key, i) => out[key] = dv.getUint32(i * 4, true));
      return out;
    }
    case P.SO_ACCEPTFILTER: {
      const layout = S.accept_filter_arg;
      const bytes = get(layout.size);
      const [at, size] = layout.fields.af_name;
      return bytes && { af_name: cName(bytes.subarray(at, at + size)) };
    }
    case P.SO_BINDTODEVICE: {
      const bytes = get(IF_NAMESIZE);
      return bytes && cName(bytes);
    }
    case P.SO_PEERCRED: {
      const bytes = get(S.ucred.size);
      return bytes && struct(bytes, S.ucred, { pid: "pid", uid: "uid", gid: "gid" });
    }
  }
  return undefined;
}

/**
 * Reads an option as `socket_get_option()` returns it, or `false` after
 * PHP's warning.
 */
export function getOption(
  fn: string,
  state: SocketState,
  level: number,
  option: number,
): OptionValue | false {
  if (level === P.IPPROTO_IP && option === P.IP_MULTICAST_IF) {
    const bytes = read(fn, state, level, option, 4);
    return bytes && (interfaceOfIPv4(fn, bytes) ?? false);
  }
  if (level === P.IPPROTO_IPV6 && option === P.IPV6_PKTINFO) {
    const layout = S.in6_pktinfo;
    const bytes = read(fn, state, level, option, layout.size, "unable to get socket option");
    if (!bytes) return false;
    const [at] = layout.fields.ipi6_addr;
    return {
      addr: sys().inetNtop(P.AF_INET6, bytes.subarray(at, at + 16)),
      ifindex: field(bytes, layout.fields.ipi6_ifindex) >>> 0,
    };
  }
  if (level === P.SOL_TCP && option === P.TCP_CONGESTION) {
    const bytes = read(fn, state, level, option, TCP_CA_NAME_MAX);
    return bytes && { name: cName(bytes) };
  }
  if (level === P.SOL_SOCKET) {
    const value = solSocket(fn, state, option);
    if (value !== undefined) return value;
  }
  const bytes = read(fn, state, level, option, 4);
  if (!bytes) return false;
  const value = genericInt(bytes);
  if (DESCRIPTOR_OPTIONS.has(`${level}:${option}`)) return newSocket(value, P.AF_UNSPEC ?? 0);
  return value;
}
