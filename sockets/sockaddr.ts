/**
 * Socket addresses: building and reading `sockaddr_in`, `sockaddr_in6` and
 * `sockaddr_un` through the platform's layouts, and PHP's rules for turning
 * an address string into one (reference §1.5).
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import { bytesToString } from "./bytes.ts";
import { warn } from "./errors.ts";
import { lookupAllowed } from "./permissions.ts";
import { socketError } from "./report.ts";
import type { SocketState } from "./socket.ts";

const { AF_UNIX, AF_INET, AF_INET6 } = platform.php;
const { AI_V4MAPPED, AI_ADDRCONFIG } = platform.native;
const S = platform.structs;
const IN = S.sockaddr_in.fields;
const IN6 = S.sockaddr_in6.fields;
const [SUN_PATH, SUN_PATH_SIZE] = S.sockaddr_un.fields.sun_path;

/** Bytes of a `struct sockaddr_storage`: room for any address. */
export const SOCKADDR_STORAGE_SIZE: number = S.sockaddr_storage.size;

/** The longest AF_UNIX path PHP accepts is one byte less than this (108 on Linux). */
export const UNIX_PATH_MAX: number = SUN_PATH_SIZE;

/**
 * An encoded socket address: the bytes and the length to pass to the kernel.
 * Read-only once built: {@link resolveInet} hands the same object to every
 * caller that asks for the same numeric address and port.
 */
export interface SockAddr {
  readonly bytes: Uint8Array;
  readonly length: number;
}

/**
 * The out-parameters of the calls that return an address (`accept`,
 * `recvfrom`, `getsockname`, `getpeername`), shared by all of them because
 * under Deno every new typed array that reaches FFI costs about 0.4 µs.
 * Use {@link clearAddressOut} right before the call and decode the address
 * right after it, before anything can run user code (a warning handler);
 * never keep a reference to the bytes.
 */
export const addressOut: { readonly bytes: Uint8Array; readonly length: Uint32Array } = {
  bytes: new Uint8Array(SOCKADDR_STORAGE_SIZE),
  length: new Uint32Array(1),
};

/** Zeroes {@link addressOut} (no previous address can show through) and sets its capacity. */
export function clearAddressOut(): void {
  addressOut.bytes.fill(0);
  addressOut.length[0] = addressOut.bytes.length;
}

/** A decoded socket address. */
export interface Address {
  readonly family: number;
  /** Dotted quad, IPv6 text, or an AF_UNIX path as a byte string. */
  readonly address: string;
  /** The port for AF_INET/AF_INET6; absent for AF_UNIX. */
  readonly port?: number;
}

// Every platform the module supports is little-endian; family and scope id
// are host-order fields, port and flow info are big-endian.
function header(size: number, family: number): [Uint8Array, DataView] {
  const bytes = new Uint8Array(size);
  const dv = new DataView(bytes.buffer);
  if (platform.sockaddrHasLen) {
    dv.setUint8(0, size);
    dv.setUint8(1, family);
  } else {
    dv.setUint16(0, family, true);
  }
  return [bytes, dv];
}

function readFamily(bytes: Uint8Array): number {
  return platform.sockaddrHasLen ? bytes[1] : bytes[0] | (bytes[1] << 8);
}

/** The family of an address the kernel wrote, or `fallback` if it wrote none. */
export function addressFamily(bytes: Uint8Array, length: number, fallback: number): number {
  return length >= 2 ? readFamily(bytes) : fallback;
}

/** Builds a `sockaddr_in`. */
export function inetAddress(addr: Uint8Array, port: number): SockAddr {
  const [bytes, dv] = header(S.sockaddr_in.size, AF_INET);
  dv.setUint16(IN.sin_port[0], port, false);
  bytes.set(addr.subarray(0, 4), IN.sin_addr[0]);
  return { bytes, length: S.sockaddr_in.size };
}

/** Builds a `sockaddr_in6`. */
export function inet6Address(addr: Uint8Array, port: number, scopeId = 0): SockAddr {
  const [bytes, dv] = header(S.sockaddr_in6.size, AF_INET6);
  dv.setUint16(IN6.sin6_port[0], port, false);
  bytes.set(addr.subarray(0, 16), IN6.sin6_addr[0]);
  dv.setUint32(IN6.sin6_scope_id[0], scopeId, true);
  return { bytes, length: S.sockaddr_in6.size };
}

/**
 * Builds a `sockaddr_un` from a path's bytes, copied verbatim (an abstract
 * name starts with a NUL byte). The length counts the path bytes, no NUL.
 */
export function unixAddress(path: Uint8Array): SockAddr {
  const [bytes] = header(S.sockaddr_un.size, AF_UNIX);
  bytes.set(path, SUN_PATH);
  return { bytes, length: SUN_PATH + path.length };
}

/** Reads a socket address the kernel wrote (`length` bytes of `bytes`). */
export function decodeAddress(bytes: Uint8Array, length: number, fallbackFamily: number): Address {
  const family = addressFamily(bytes, length, fallbackFamily);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (family === AF_INET) {
    const at = IN.sin_addr[0];
    return {
      family,
      // Dotted quad, as inet_ntop() writes it (no FFI call needed).
      address: length > 0
        ? `${bytes[at]}.${bytes[at + 1]}.${bytes[at + 2]}.${bytes[at + 3]}`
        : "0.0.0.0",
      port: length > 0 ? dv.getUint16(IN.sin_port[0]) : 0,
    };
  }
  if (family === AF_INET6) {
    const raw = length > 0
      ? bytes.subarray(IN6.sin6_addr[0], IN6.sin6_addr[0] + 16)
      : new Uint8Array(16);
    return {
      family,
      address: sys().inetNtop(AF_INET6, raw),
      port: length > 0 ? dv.getUint16(IN6.sin6_port[0]) : 0,
    };
  }
  if (family === AF_UNIX) {
    // PHP reads sun_path as a C string: up to the first NUL, "" for unnamed
    // sockets and abstract names.
    const path = bytes.subarray(
      SUN_PATH,
      Math.max(SUN_PATH, Math.min(length, SUN_PATH + SUN_PATH_SIZE)),
    );
    const end = path.indexOf(0);
    return { family, address: bytesToString(end < 0 ? path : path.subarray(0, end)) };
  }
  return { family, address: "" };
}

/**
 * Parsed numeric addresses by family and text. inet_pton() is pure and a
 * program sends to the same few addresses again and again, while an FFI call
 * costs microseconds under Deno; the cache is cleared when it fills up.
 */
const numericCache = new Map<string, Uint8Array | null>();
const NUMERIC_CACHE_SIZE = 256;

function parseNumeric(family: number, text: string): Uint8Array | null {
  const key = `${family} ${text}`;
  let raw = numericCache.get(key);
  if (raw === undefined) {
    if (numericCache.size >= NUMERIC_CACHE_SIZE) numericCache.clear();
    raw = sys().inetPton(family, text);
    numericCache.set(key, raw);
  }
  return raw;
}

/**
 * Encoded numeric addresses by family, port and text: a program sends to
 * the same few addresses again and again, and building one costs a new
 * typed array (0.4 µs under Deno's FFI). The entries are never modified;
 * the cache is cleared when it fills up. Host names are not cached: they
 * are looked up on every call, as PHP does.
 */
const encodedCache = new Map<string, SockAddr>();
const ENCODED_CACHE_SIZE = 256;

const HOST_LOOKUP_BASE = -10000;
const MAX_FQDN = 255;
/** The numeric forms `inet_aton()` accepts (`127.1`, `0x7f.1`): the resolver parses them itself. */
const INET_ATON = /^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}$/i;
/** Windows reports lookup failures as WSA codes, stored as they are. */
const NATIVE_HOST_ERRORS = platform.hostErrors === "native";

/** PHP's code for a failed host lookup: -(10000 + h_errno), or the OS code on Windows. */
function hostError(code: number): number {
  return NATIVE_HOST_ERRORS ? code : HOST_LOOKUP_BASE - code;
}

/**
 * Turns an address string into a `sockaddr_in`/`sockaddr_in6` as PHP does:
 * a numeric address, else a host lookup. On failure warns
 * `Host lookup failed`, stores the code and returns `null`.
 */
export function resolveInet(
  fn: string,
  state: SocketState,
  family: number,
  address: string,
  port: number,
): SockAddr | null {
  const key = `${family} ${port} ${address}`;
  let encoded = encodedCache.get(key);
  if (encoded) return encoded;
  const numeric = parseNumeric(family === AF_INET ? AF_INET : AF_INET6, address);
  if (numeric) {
    encoded = family === AF_INET ? inetAddress(numeric, port) : inet6Address(numeric, port);
    if (encodedCache.size >= ENCODED_CACHE_SIZE) encodedCache.clear();
    encodedCache.set(key, encoded);
    return encoded;
  }
  const s = sys();
  if (family === AF_INET) {
    if (!mayLookUp(fn, state, address, port)) return null;
    const found = address.length > MAX_FQDN ? 1 : s.gethostbyname(address);
    if (typeof found === "number") {
      socketError(state, fn, "Host lookup failed", hostError(found));
      return null;
    }
    if (found.family !== AF_INET || found.addresses.length === 0) {
      warn(fn, "Host lookup failed: Non AF_INET domain returned on AF_INET socket");
      return null;
    }
    return inetAddress(found.addresses[0], port);
  }
  if (!mayLookUp(fn, state, address, port)) return null;
  const found = s.getaddrinfo(address, null, {
    family: AF_INET6,
    flags: AI_V4MAPPED | AI_ADDRCONFIG,
  });
  if (typeof found === "number") {
    socketError(
      state,
      fn,
      "Host lookup failed",
      NATIVE_HOST_ERRORS ? found : hostError(s.hErrno()),
    );
    return null;
  }
  const entry = found.find((e) => e.family === AF_INET6);
  if (!entry) {
    warn(fn, "Host lookup failed: Non AF_INET6 domain returned on AF_INET6 socket");
    return null;
  }
  const raw = entry.addr.subarray(IN6.sin6_addr[0], IN6.sin6_addr[0] + 16);
  return inet6Address(raw, port, scopeId(fn, address));
}

/**
 * Whether a host is a numeric address (IPv4, IPv6, or a form `inet_aton()`
 * takes such as `127.1`): the resolver answers without asking anyone, so no
 * network permission is needed.
 */
export function isNumericHost(host: string): boolean {
  const at = host.indexOf("%");
  const bare = at < 0 ? host : host.slice(0, at);
  return INET_ATON.test(bare) || parseNumeric(AF_INET, bare) !== null
    || parseNumeric(AF_INET6, bare) !== null;
}

/**
 * Deno's `--allow-net` for a host name about to be resolved (the resolver
 * may ask the network). Names the resolver cannot send anywhere (empty, or
 * longer than PHP lets through) need no permission.
 */
function mayLookUp(fn: string, state: SocketState, name: string, port: number): boolean {
  if (name === "" || name.length > MAX_FQDN || INET_ATON.test(name)) return true;
  const host = name.includes("%") ? name.slice(0, name.indexOf("%")) : name;
  return lookupAllowed(fn, state, "Host lookup failed", host, port);
}

/** The scope id of an `addr%scope` string: a number or an interface name. */
function scopeId(fn: string, address: string): number {
  const at = address.indexOf("%");
  if (at < 0) return 0;
  const scope = address.slice(at + 1);
  if (/^[0-9]+$/.test(scope)) {
    const n = Number(scope);
    if (n >= 1 && n <= 0xffffffff) return n;
  }
  const index = sys().ifNameToIndex(scope);
  if (index === 0) warn(fn, `No interface with name "${scope}" could be found`);
  return index;
}
