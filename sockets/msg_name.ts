/**
 * The `name` of `socket_sendmsg`/`socket_recvmsg` messages: PHP's sockaddr
 * arrays (`["family" => ..., "addr" => ..., "port" => ...]`, `["path" =>
 * ...]`) to socket addresses and back (conversions.c, reference §3.2, §3.5).
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import { bytesToString, stringToBytes } from "./bytes.ts";
import type { Conversion, PhpArray } from "./msg_values.ts";
import { arrayGet, isPhpArray, phpInt, phpRanged, phpString, phpUint32 } from "./msg_values.ts";
import type { SockAddr } from "./sockaddr.ts";
import {
  inet6Address,
  inetAddress,
  resolveInet,
  SOCKADDR_STORAGE_SIZE,
  UNIX_PATH_MAX,
  unixAddress,
} from "./sockaddr.ts";
import type { SocketState } from "./socket.ts";

const { AF_UNIX, AF_INET, AF_INET6 } = platform.php;
const S = platform.structs;
const IN = S.sockaddr_in.fields;
const IN6 = S.sockaddr_in6.fields;
const [SUN_PATH, SUN_PATH_SIZE] = S.sockaddr_un.fields.sun_path;

/**
 * Converts the keys of `array` that are present, in `keys`' order, stopping
 * at the first error (PHP's aggregation of optional keys).
 */
function eachKey(
  cx: Conversion,
  array: PhpArray,
  keys: readonly string[],
  convert: (key: string, value: unknown) => void,
): void {
  for (const key of keys) {
    if (cx.failed) return;
    const value = arrayGet(array, key);
    if (value !== undefined) cx.at(key, () => convert(key, value));
  }
}

const port = (cx: Conversion, v: unknown): number | null =>
  phpRanged(cx, v, 0, 0xffff, "an unsigned 16-bit integer");
const family = (cx: Conversion, v: unknown): number | null =>
  phpRanged(cx, v, 0, 0xffff, "a sa_family_t value");

/** An IP address from a PHP value, resolved as PHP resolves addresses (`raw` bytes). */
function address(
  cx: Conversion,
  state: SocketState,
  af: number,
  value: unknown,
): Uint8Array | null {
  const text = phpString(value);
  const resolved = resolveInet(cx.fn, state, af, text, 0);
  if (!resolved) {
    const name = af === AF_INET ? "AF_INET" : "AF_INET6";
    cx.fail(`could not resolve address '${text}' to get an ${name} address`);
    return null;
  }
  const [at, size] = af === AF_INET ? IN.sin_addr : IN6.sin6_addr;
  return resolved.bytes.slice(at, at + size);
}

function inetName(cx: Conversion, state: SocketState, name: PhpArray): SockAddr {
  let addr: Uint8Array = new Uint8Array(4);
  let p = 0;
  eachKey(cx, name, ["family", "addr", "port"], (key, v) => {
    if (key === "family") family(cx, v);
    else if (key === "addr") addr = address(cx, state, AF_INET, v) ?? addr;
    else p = port(cx, v) ?? 0;
  });
  return inetAddress(addr, p);
}

function inet6Name(cx: Conversion, state: SocketState, name: PhpArray): SockAddr {
  let addr: Uint8Array = new Uint8Array(16);
  let p = 0;
  let flowinfo = 0;
  let scope = 0;
  eachKey(cx, name, ["family", "addr", "port", "flowinfo", "scope_id"], (key, v) => {
    if (key === "family") family(cx, v);
    else if (key === "addr") addr = address(cx, state, AF_INET6, v) ?? addr;
    else if (key === "port") p = port(cx, v) ?? 0;
    else if (key === "flowinfo") flowinfo = phpUint32(cx, v) ?? 0;
    else scope = phpUint32(cx, v) ?? 0;
  });
  const result = inet6Address(addr, p, scope);
  // PHP copies flowinfo in host byte order, as it does scope_id.
  new DataView(result.bytes.buffer).setUint32(IN6.sin6_flowinfo[0], flowinfo, true);
  return result;
}

function unixName(cx: Conversion, name: PhpArray): SockAddr {
  let path: Uint8Array = new Uint8Array(0);
  eachKey(cx, name, ["family", "path"], (key, v) => {
    if (key === "family") {
      family(cx, v);
      return;
    }
    const bytes = byteString(cx, phpString(v));
    if (bytes.length === 0) cx.fail("the path is cannot be empty"); // sic, as PHP
    else if (bytes.length >= UNIX_PATH_MAX) {
      cx.fail(`the path is too long, the maximum permitted length is ${UNIX_PATH_MAX - 1}`);
    } else path = bytes;
  });
  // The kernel gets the path up to its first NUL byte, or for an abstract
  // name (leading NUL) up to the next one, as PHP computes the length.
  const end = path.indexOf(0, path[0] === 0 ? 1 : 0);
  const used = path.subarray(0, end < 0 ? path.length : end);
  return unixAddress(used.length === 0 ? new Uint8Array(1) : used);
}

/** A byte string's bytes; a character above `\xFF` is a TypeError naming the path. */
export function byteString(cx: Conversion, text: string): Uint8Array {
  try {
    return stringToBytes(text);
  } catch (cause) {
    throw new TypeError(
      `${cx.fn}(): Argument #2 ($message) must hold byte strings (${cx.path}): ${
        (cause as Error).message
      }`,
      { cause },
    );
  }
}

/**
 * Converts a message's `name` to a socket address, or records PHP's error
 * and returns `null`. With `fill` false (recvmsg) only the family counts:
 * the result is zeroed room for an address of that family.
 */
export function nameToNative(
  cx: Conversion,
  state: SocketState,
  name: unknown,
  fill: boolean,
): SockAddr | null {
  if (!isPhpArray(name)) {
    cx.fail("expected an array here");
    return null;
  }
  let af = state.family;
  const given = arrayGet(name, "family");
  if (given !== undefined && given !== null) {
    const n = cx.at("family", () => phpInt(cx, given));
    if (n === null) return null;
    af = n;
  }
  let size: number;
  if (af === AF_INET) {
    if (state.family !== AF_INET && state.family !== AF_INET6) {
      cx.fail(`the specified family (number ${af}) is not supported on this socket`);
      return null;
    }
    if (fill) return inetName(cx, state, name);
    size = S.sockaddr_in.size;
  } else if (af === AF_INET6) {
    if (state.family !== AF_INET6) {
      cx.fail("the specified family (AF_INET6) is not supported on this socket");
      return null;
    }
    if (fill) return inet6Name(cx, state, name);
    size = S.sockaddr_in6.size;
  } else if (af === AF_UNIX) {
    if (state.family !== AF_UNIX) {
      cx.fail("the specified family (AF_UNIX) is not supported on this socket");
      return null;
    }
    if (fill) return unixName(cx, name);
    size = S.sockaddr_un.size;
  } else {
    cx.fail("the only families currently supported are AF_INET, AF_INET6 and AF_UNIX");
    return null;
  }
  // Room for any address, so that whatever the kernel writes is read back
  // from initialised memory; the kernel is told the family's size, as in PHP.
  return { bytes: new Uint8Array(SOCKADDR_STORAGE_SIZE), length: size };
}

function readFamily(bytes: Uint8Array): number {
  return platform.sockaddrHasLen ? bytes[1] : bytes[0] | (bytes[1] << 8);
}

/**
 * A received sender address as PHP's array, `null` when the kernel left the
 * family 0 (no address), or `null` with an error recorded for a family PHP
 * cannot represent.
 */
export function nameFromNative(cx: Conversion, bytes: Uint8Array): Record<string, unknown> | null {
  const af = readFamily(bytes);
  if (af === 0) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (af === AF_INET) {
    const at = IN.sin_addr[0];
    return {
      family: af,
      addr: `${bytes[at]}.${bytes[at + 1]}.${bytes[at + 2]}.${bytes[at + 3]}`,
      port: dv.getUint16(IN.sin_port[0]),
    };
  }
  if (af === AF_INET6) {
    const at = IN6.sin6_addr[0];
    return {
      family: af,
      addr: sys().inetNtop(AF_INET6, bytes.slice(at, at + 16)),
      port: dv.getUint16(IN6.sin6_port[0]),
      flowinfo: dv.getUint32(IN6.sin6_flowinfo[0], true),
      scope_id: dv.getUint32(IN6.sin6_scope_id[0], true),
    };
  }
  if (af === AF_UNIX) {
    // sun_path as a C string: up to the first NUL ("" for an abstract name).
    const path = bytes.subarray(SUN_PATH, SUN_PATH + SUN_PATH_SIZE);
    const end = path.indexOf(0);
    if (end < 0) {
      cx.at("path", () => cx.fail("could not find a NUL in the path"));
      return null;
    }
    return { family: af, path: bytesToString(path.subarray(0, end)) };
  }
  cx.fail(`cannot read struct sockaddr with family ${af}; not supported`);
  return null;
}
