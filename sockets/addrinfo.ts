/**
 * Name resolution: `socket_addrinfo_lookup`, `socket_addrinfo_explain`,
 * `socket_addrinfo_bind` and `socket_addrinfo_connect`.
 *
 * `getaddrinfo()`'s list is copied out of C memory (through the platform's
 * `struct addrinfo` layout) before `freeaddrinfo()`; an AddressInfo holds
 * that copy.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import type { AddrInfoEntry } from "../platform/mod.ts";
import { byteStringArg, checkArgCount, phpType, stringArg } from "./args.ts";
import { placeholderName } from "./defined.ts";
import { ValueError } from "./errors.ts";
import { allowed, missingLookupPermission } from "./permissions.ts";
import { failed, globalError, socketError } from "./report.ts";
import { decodeAddress, isNumericHost } from "./sockaddr.ts";
import { AddressInfo, closeState, entryOf, newAddressInfo, newSocket, stateOf } from "./socket.ts";
import type { Socket } from "./socket.ts";

const { AF_UNIX, AF_INET, AF_INET6, AF_UNSPEC } = platform.php;
const { AI_NUMERICHOST } = platform.native;
const { SOCKET_EACCES: EACCES } = platform.php;
const INT_MAX = 2147483647;
const HINT_KEYS = ["ai_flags", "ai_socktype", "ai_protocol", "ai_family"] as const;
type HintKey = typeof HINT_KEYS[number];

/** The hints `socket_addrinfo_lookup()` accepts (`getaddrinfo()`'s `struct addrinfo` fields). */
export interface AddrInfoHintsArray {
  /** `AI_*` flags OR'ed together. */
  ai_flags?: number;
  /** `SOCK_STREAM`, `SOCK_DGRAM`, ... or 0 for any. */
  ai_socktype?: number;
  /** A protocol number, or 0 for any. */
  ai_protocol?: number;
  /** `AF_INET`, `AF_INET6`, or `AF_UNSPEC` (0) for any. */
  ai_family?: number;
}

/** What `socket_addrinfo_explain()` returns. */
export interface AddrInfoExplained {
  /** `AI_*` flags the resolver set. */
  ai_flags: number;
  /** `AF_INET`, `AF_INET6`, ... */
  ai_family: number;
  /** `SOCK_STREAM`, `SOCK_DGRAM`, `SOCK_RAW`, ... */
  ai_socktype: number;
  /** The protocol number (6 for TCP, 17 for UDP, ...). */
  ai_protocol: number;
  /** Present only when the resolver filled it in (`AI_CANONNAME`). */
  ai_canonname?: string;
  /** The address: port and text address for AF_INET and AF_INET6, empty otherwise. */
  ai_addr:
    | { sin_port: number; sin_addr: string }
    | { sin6_port: number; sin6_addr: string }
    | Record<string, never>;
}

function hintsError(): ValueError {
  return new ValueError(
    "socket_addrinfo_lookup(): Argument #3 ($hints) must only contain array keys \"ai_flags\", \"ai_socktype\", \"ai_protocol\", or \"ai_family\"",
  );
}

function hintValue(key: HintKey, value: unknown): number {
  const fn = "socket_addrinfo_lookup";
  let n: number;
  if (typeof value === "number" && Number.isInteger(value)) n = value;
  else if (typeof value === "bigint") n = Number(value);
  else {
    throw new TypeError(
      `${fn}(): Argument #3 ($hints) "${key}" key must be of type int, ${phpType(value)} given`,
    );
  }
  const missing = placeholderName(n);
  if (missing !== null) {
    throw new Error(
      `${fn}(): Argument #3 ($hints) "${key}" key is ${missing}, which ${platform.os} does not define`,
    );
  }
  if (n < 0 || n > INT_MAX) {
    throw new ValueError(
      `${fn}(): Argument #3 ($hints) "${key}" key must be between 0 and ${INT_MAX}`,
    );
  }
  return n;
}

function parseHints(hints: unknown): Required<AddrInfoHintsArray> {
  const out = { ai_flags: 0, ai_socktype: 0, ai_protocol: 0, ai_family: 0 };
  if (hints === null || typeof hints !== "object") {
    throw new TypeError(
      `socket_addrinfo_lookup(): Argument #3 ($hints) must be of type array, ${
        phpType(hints)
      } given`,
    );
  }
  for (const [key, value] of Object.entries(hints)) {
    if (!(HINT_KEYS as readonly string[]).includes(key)) throw hintsError();
    out[key as HintKey] = hintValue(key as HintKey, value);
  }
  return out;
}

function serviceArg(service: unknown): string | null {
  if (service === null || service === undefined) return null;
  if (typeof service === "string") {
    byteStringArg("socket_addrinfo_lookup", 2, "service", service);
    return service;
  }
  if (typeof service === "number" && Number.isInteger(service)) return String(service);
  throw new TypeError(
    `socket_addrinfo_lookup(): Argument #2 ($service) must be of type ?string, ${
      phpType(service)
    } given`,
  );
}

/**
 * Resolves a host and service (C `getaddrinfo()`).
 *
 * @param host A host name or numeric address.
 * @param service A service name or port number (a numeric string, or a
 *   number), or `null` for none.
 * @param hints Any of `ai_flags`, `ai_socktype`, `ai_protocol`,
 *   `ai_family`, as `getaddrinfo()` takes them.
 * @returns The results, in the resolver's order, as AddressInfo objects to
 *   pass to {@link socket_addrinfo_bind}, {@link socket_addrinfo_connect} or
 *   {@link socket_addrinfo_explain}; `false` without a warning when the
 *   resolver fails (unknown host or service, ...).
 * @throws {ValueError} For a hint key other than the four, or a hint value
 *   outside 0..2147483647.
 * @throws {TypeError} For a hint value that is not an int.
 * @example
 * ```ts
 * import { SOCK_STREAM, socket_addrinfo_explain, socket_addrinfo_lookup } from "./mod.ts";
 * const infos = socket_addrinfo_lookup("127.0.0.1", "80", { ai_socktype: SOCK_STREAM });
 * if (infos) console.log(socket_addrinfo_explain(infos[0]).ai_addr); // { sin_port: 80, sin_addr: "127.0.0.1" }
 * ```
 *
 * Differences from PHP: as PHP 8.5 does, a list-shaped `hints` array or an
 * integer key throws the ValueError, and a hint that is not an int in
 * 0..2147483647 throws (PHP 8.2 ignores integer keys and converts values
 * silently). `service` also takes a number. Under Deno, looking up a host
 * name (not a numeric address) needs `--allow-net` for it (`host:port` when
 * the service is a port number): without it the call warns and returns
 * `false` with `socket_last_error()` = `SOCKET_EACCES`.
 */
export function socket_addrinfo_lookup(
  host: string,
  service: string | number | null = null,
  hints: AddrInfoHintsArray = {},
): AddressInfo[] | false {
  const fn = "socket_addrinfo_lookup";
  checkArgCount(fn, arguments.length, 1, 3);
  host = stringArg(fn, 1, "host", host);
  byteStringArg(fn, 1, "host", host);
  const svc = serviceArg(service);
  const h = parseHints(hints);
  if (host !== "" && (h.ai_flags & AI_NUMERICHOST) === 0 && !isNumericHost(host)) {
    const port = svc !== null && /^[0-9]+$/.test(svc) ? Number(svc) : null;
    const missing = missingLookupPermission(host, port);
    if (missing !== null) {
      socketError(null, fn, "Host lookup failed", EACCES, ` (Deno: this needs ${missing})`);
      return false;
    }
  }
  const found = sys().getaddrinfo(host, svc, {
    flags: h.ai_flags,
    family: h.ai_family,
    socktype: h.ai_socktype,
    protocol: h.ai_protocol,
  });
  if (typeof found === "number") return false;
  return found.filter((e) => e.family !== AF_UNSPEC).map(newAddressInfo);
}

function infoArg(fn: string, value: unknown, given: number): AddrInfoEntry {
  checkArgCount(fn, given, 1, 1);
  if (!(value instanceof AddressInfo)) {
    throw new TypeError(
      `${fn}(): Argument #1 ($address) must be of type AddressInfo, ${phpType(value)} given`,
    );
  }
  return entryOf(value);
}

/** socket() for an entry, then bind() or connect() as PHP's two functions do. */
function useEntry(
  fn: string,
  entry: AddrInfoEntry,
  msg: string,
  familyMessage: string,
  call: (h: number, addr: Uint8Array, len: number) => number,
): Socket | false {
  const s = sys();
  const fd = s.socket(entry.family, entry.socktype, entry.protocol);
  if (fd < 0) {
    globalError(fn, "Unable to create socket", s.lastError());
    return false;
  }
  const socket = newSocket(fd, entry.family);
  const state = stateOf(socket);
  if (entry.family === AF_UNIX) {
    // Not implemented by PHP "due to security problems": no warning.
    closeState(state);
    return false;
  }
  if (entry.family !== AF_INET && entry.family !== AF_INET6) {
    closeState(state);
    throw new ValueError(`${fn}(): Argument #1 ($address) ${familyMessage}`);
  }
  const addr = { bytes: entry.addr, length: entry.addr.length };
  const ok = allowed(fn, state, msg, addr, entry.family)
    && !failed(call(fd, entry.addr, entry.addr.length), state, fn, msg);
  if (!ok) {
    closeState(state);
    return false;
  }
  return socket;
}

/**
 * Creates a socket for an address and binds it (C `socket()` and `bind()`).
 *
 * @param address A result of {@link socket_addrinfo_lookup}.
 * @returns The bound Socket; `false` with a warning
 *   `Unable to create socket [code]: text` or `Unable to bind address [code]: text`;
 *   `false` without a warning for an AF_UNIX entry (PHP does not support them).
 * @throws {ValueError} For an entry of another family.
 * @example
 * ```ts
 * import { SOCK_DGRAM, socket_addrinfo_bind, socket_addrinfo_lookup, socket_close } from "./mod.ts";
 * const infos = socket_addrinfo_lookup("127.0.0.1", "0", { ai_socktype: SOCK_DGRAM });
 * const s = infos && socket_addrinfo_bind(infos[0]);
 * if (s) socket_close(s);
 * ```
 *
 * Differences from PHP: under Deno it needs net permission for the address.
 */
export function socket_addrinfo_bind(address: AddressInfo): Socket | false {
  const fn = "socket_addrinfo_bind";
  const entry = infoArg(fn, address, arguments.length);
  return useEntry(
    fn,
    entry,
    "Unable to bind address",
    "must be one of AF_UNIX, AF_INET, or AF_INET6",
    sys().bind,
  );
}

/**
 * Creates a socket for an address and connects it (C `socket()` and `connect()`).
 *
 * @param address A result of {@link socket_addrinfo_lookup}.
 * @returns The connected Socket; `false` with a warning
 *   `Unable to create socket [code]: text` or `Unable to connect address [code]: text`;
 *   `false` without a warning for an AF_UNIX entry.
 * @throws {ValueError} For an entry of another family.
 * @example
 * ```ts
 * import { SOCK_STREAM, socket_addrinfo_connect, socket_addrinfo_lookup } from "./mod.ts";
 * const infos = socket_addrinfo_lookup("127.0.0.1", "8080", { ai_socktype: SOCK_STREAM });
 * // const s = infos && socket_addrinfo_connect(infos[0]);
 * ```
 *
 * Differences from PHP: under Deno it needs net permission for the address.
 */
export function socket_addrinfo_connect(address: AddressInfo): Socket | false {
  const fn = "socket_addrinfo_connect";
  const entry = infoArg(fn, address, arguments.length);
  return useEntry(
    fn,
    entry,
    "Unable to connect address",
    "socket type must be one of AF_UNIX, AF_INET, or AF_INET6",
    sys().connect,
  );
}

/**
 * Describes an AddressInfo as PHP's array: `ai_flags`, `ai_family`,
 * `ai_socktype`, `ai_protocol`, `ai_canonname` (only when set) and
 * `ai_addr` (`sin_port`/`sin_addr` or `sin6_port`/`sin6_addr`).
 *
 * @param address A result of {@link socket_addrinfo_lookup}.
 * @returns The fields, in PHP's key order.
 * @example
 * ```ts
 * import { AF_INET6, socket_addrinfo_explain, socket_addrinfo_lookup } from "./mod.ts";
 * const infos = socket_addrinfo_lookup("::1", "80", { ai_family: AF_INET6 });
 * if (infos) console.log(socket_addrinfo_explain(infos[0]).ai_addr); // { sin6_port: 80, sin6_addr: "::1" }
 * ```
 */
export function socket_addrinfo_explain(address: AddressInfo): AddrInfoExplained {
  const fn = "socket_addrinfo_explain";
  const entry = infoArg(fn, address, arguments.length);
  const out: AddrInfoExplained = {
    ai_flags: entry.flags,
    ai_family: entry.family,
    ai_socktype: entry.socktype,
    ai_protocol: entry.protocol,
    ai_addr: {},
  };
  if (entry.canonname !== null) out.ai_canonname = entry.canonname;
  // Re-insert ai_addr so that it comes last, as in PHP's array.
  delete (out as Partial<AddrInfoExplained>).ai_addr;
  if (entry.family === AF_INET || entry.family === AF_INET6) {
    const decoded = decodeAddress(entry.addr, entry.addr.length, entry.family);
    out.ai_addr = entry.family === AF_INET
      ? { sin_port: decoded.port ?? 0, sin_addr: decoded.address }
      : { sin6_port: decoded.port ?? 0, sin6_addr: decoded.address };
  } else {
    out.ai_addr = {};
  }
  return out;
}
