/**
 * How `socket_set_option()` turns a PHP value into each option's C value
 * (reference §2A.2), with the contract's fixes: the level is honoured,
 * string options refuse other types, and values out of range throw.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import { ancillaryType } from "./ancillary.ts";
import { phpType } from "./args.ts";
import { byteStringArg } from "./args.ts";
import { ValueError, warn } from "./errors.ts";
import { Conversion } from "./msg_values.ts";
import { interfaceIndex, interfaceIPv4, isMcastOption, setMcastOption } from "./multicast.ts";
import { entryOf, toPhpArray, toPhpBool, toPhpInt } from "./php_values.ts";
import { socketError } from "./report.ts";
import type { SocketState } from "./socket.ts";

const P = platform.php;
const S = platform.structs;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LINGER_MAX = 65535;
const DWORD_MAX = 4294967295;

// Classic BPF: "load the ancillary word at SKF_AD_OFF + k; return it".
const BPF_LD_W_ABS = 0x20;
const BPF_RET_A = 0x16;

/** What a conversion decided: bytes to pass to setsockopt, or a finished call. */
type Converted = Uint8Array | boolean;

function valueError(fn: string, text: string): ValueError {
  return new ValueError(`${fn}(): Argument #4 ($value) ${text}`);
}

/** A C int holding `value`; PHP's ValueError when it does not fit. */
function cInt(fn: string, value: number, min = INT_MIN, max = INT_MAX): Uint8Array {
  if (value < min || value > max) throw valueError(fn, `must be between ${min} and ${max}`);
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, value, true);
  return out;
}

/** The bytes of a string option; a non-string is a TypeError naming the option. */
function stringValue(fn: string, option: string, value: unknown): Uint8Array {
  if (typeof value !== "string") {
    throw new TypeError(
      `${fn}(): Argument #4 ($value) must be of type string when argument #3 ($option) is ${option}, ${
        phpType(value)
      } given`,
    );
  }
  return byteStringArg(fn, 4, "value", value);
}

/** A struct from a PHP array: each PHP key is required and int-converted into its field. */
function structValue(
  fn: string,
  value: unknown,
  layout: { size: number; fields: Readonly<Record<string, readonly [number, number]>> },
  keys: Readonly<Record<string, string>>,
  range?: readonly [number, number],
): Uint8Array {
  const array = toPhpArray(value);
  const out = new Uint8Array(layout.size);
  const dv = new DataView(out.buffer);
  for (const [key, name] of Object.entries(keys)) {
    const entry = entryOf(array, key);
    if (entry === undefined) throw valueError(fn, `must have key "${key}"`);
    const n = toPhpInt(entry);
    if (range && (n < range[0] || n > range[1])) {
      throw valueError(fn, `"${key}" must be between ${range[0]} and ${range[1]}`);
    }
    const [offset, size] = layout.fields[name];
    if (size === 2) dv.setUint16(offset, n, true);
    else if (size === 4) dv.setInt32(offset, n, true);
    else dv.setBigInt64(offset, BigInt(n), true);
  }
  return out;
}

/** Windows' `SO_RCVTIMEO`/`SO_SNDTIMEO`: `{sec, usec}` as a DWORD of milliseconds. */
function milliseconds(fn: string, value: unknown): Uint8Array {
  const timeval = new DataView(
    structValue(fn, value, { size: 16, fields: { sec: [0, 8], usec: [8, 8] } }, {
      sec: "sec",
      usec: "usec",
    }).buffer,
  );
  const ms = Number(timeval.getBigInt64(0, true)) * 1000
    + Math.trunc(Number(timeval.getBigInt64(8, true)) / 1000);
  if (ms < 0 || ms > DWORD_MAX) {
    throw valueError(fn, `must be a timeout between 0 and ${DWORD_MAX} milliseconds`);
  }
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, ms, true);
  return out;
}

/** `SO_ATTACH_REUSEPORT_CBPF`: 0 detaches, `SKF_AD_CPU`/`SKF_AD_QUEUE` install PHP's program. */
function reuseportFilter(fn: string, state: SocketState, level: number, value: unknown): boolean {
  const k = toPhpInt(value);
  let r: number;
  if (k === 0) {
    r = sys().setsockopt(state.fd, level, P.SO_DETACH_BPF, cInt(fn, 1), 4);
  } else if (k === P.SKF_AD_CPU || k === P.SKF_AD_QUEUE) {
    const ins = S.sock_filter;
    const program = new Uint8Array(ins.size * 2);
    const dv = new DataView(program.buffer);
    dv.setUint16(ins.fields.code[0], BPF_LD_W_ABS, true);
    dv.setUint32(ins.fields.k[0], (P.SKF_AD_OFF + k) >>> 0, true);
    dv.setUint16(ins.size + ins.fields.code[0], BPF_RET_A, true);
    r = sys().setsockoptFilter!(state.fd, level, P.SO_ATTACH_REUSEPORT_CBPF, program, 2);
  } else {
    warn(fn, "Unsupported CBPF filter");
    return false;
  }
  return r === 0 || failure(fn, state);
}

function failure(fn: string, state: SocketState): false {
  socketError(state, fn, "Unable to set socket option", sys().lastError());
  return false;
}

function ipLevel(fn: string, option: number, value: unknown): Converted | null {
  switch (option) {
    case P.IP_MULTICAST_IF: {
      const index = interfaceIndex(fn, value);
      return index !== null && (interfaceIPv4(fn, index) ?? false);
    }
    case P.IP_MULTICAST_LOOP:
      return new Uint8Array([toPhpBool(value) ? 1 : 0]);
    case P.IP_MULTICAST_TTL:
      return cInt(fn, toPhpInt(value), 0, 255).subarray(0, 1);
  }
  return null;
}

function ipv6Level(
  fn: string,
  state: SocketState,
  option: number,
  value: unknown,
): Converted | null {
  switch (option) {
    case P.IPV6_PKTINFO: {
      // "Sticky" pktinfo: the array sendmsg() takes for IPV6_PKTINFO.
      const type = ancillaryType(P.IPPROTO_IPV6, P.IPV6_PKTINFO);
      if (!type) return null;
      const cx = new Conversion(fn, "user", "in6_pktinfo");
      const out = new Uint8Array(type.size);
      type.write({ cx, state }, value, new DataView(out.buffer), 0);
      if (cx.failed) cx.report();
      return cx.failed ? false : out;
    }
    case P.IPV6_MULTICAST_IF: {
      const index = interfaceIndex(fn, value);
      if (index === null) return false;
      const out = new Uint8Array(4);
      new DataView(out.buffer).setUint32(0, index, true);
      return out;
    }
    case P.IPV6_MULTICAST_LOOP:
      return cInt(fn, toPhpBool(value) ? 1 : 0);
    case P.IPV6_MULTICAST_HOPS:
      return cInt(fn, toPhpInt(value), -1, 255);
  }
  return null;
}

function socketLevel(
  fn: string,
  state: SocketState,
  option: number,
  value: unknown,
): Converted | null {
  switch (option) {
    case P.SO_LINGER:
    case P.SO_LINGER_SEC:
      return structValue(fn, value, S.linger, { l_onoff: "l_onoff", l_linger: "l_linger" }, [
        0,
        LINGER_MAX,
      ]);
    case P.SO_RCVTIMEO:
    case P.SO_SNDTIMEO:
      return platform.socketTimeout === "milliseconds"
        ? milliseconds(fn, value)
        : structValue(fn, value, S.timeval, { sec: "tv_sec", usec: "tv_usec" });
    case P.SO_BINDTODEVICE:
      return stringValue(fn, "SO_BINDTODEVICE", value);
    case P.SO_ACCEPTFILTER: {
      if (typeof value !== "string") {
        warn(fn, "Invalid filter argument type");
        return false;
      }
      const layout = S.accept_filter_arg;
      const out = new Uint8Array(layout.size);
      const [at, size] = layout.fields.af_name;
      out.set(byteStringArg(fn, 4, "value", value).subarray(0, size - 1), at);
      return out;
    }
    case P.SO_ATTACH_REUSEPORT_CBPF:
      return reuseportFilter(fn, state, P.SOL_SOCKET, value);
  }
  return null;
}

/**
 * Sets an option as `socket_set_option()` does; returns its result.
 *
 * @throws {ValueError} For values out of range and incomplete arrays.
 * @throws {TypeError} For a non-string value of a string option.
 */
export function setOption(
  fn: string,
  state: SocketState,
  level: number,
  option: number,
  value: unknown,
): boolean {
  let converted: Converted | null = null;
  if (level === P.IPPROTO_IP || level === P.IPPROTO_IPV6) {
    if (isMcastOption(option)) return setMcastOption(fn, state, level, option, value);
    converted = level === P.IPPROTO_IP
      ? ipLevel(fn, option, value)
      : ipv6Level(fn, state, option, value);
  } else if (level === P.SOL_TCP && option === P.TCP_CONGESTION) {
    converted = stringValue(fn, "TCP_CONGESTION", value);
  } else if (level === P.SOL_SOCKET) {
    converted = socketLevel(fn, state, option, value);
  }
  if (typeof converted === "boolean") return converted;
  const bytes = converted ?? cInt(fn, toPhpInt(value));
  if (sys().setsockopt(state.fd, level, option, bytes, bytes.length) < 0) {
    return failure(fn, state);
  }
  return true;
}
