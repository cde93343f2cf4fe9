/**
 * The multicast options of `socket_set_option()`/`socket_get_option()`:
 * PHP's `MCAST_*` arrays (`group`, `source`, `interface`) and the interface
 * of `IP_MULTICAST_IF`/`IPV6_MULTICAST_IF` given by index or by name
 * (reference §2A.2, §2A.3).
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import { ValueError, warn } from "./errors.ts";
import { entryOf, toPhpArray, toPhpString } from "./php_values.ts";
import { socketError } from "./report.ts";
import { resolveInet } from "./sockaddr.ts";
import type { SocketState } from "./socket.ts";

const { AF_INET, AF_INET6 } = platform.php;
const N = platform.native;
const { ENODEV, EADDRNOTAVAIL } = N;
/**
 * Whether PHP's `MCAST_*` constants are the RFC 3678 options (`group_req`).
 * Where they are not (macOS), PHP defines `MCAST_JOIN_GROUP` and
 * `MCAST_LEAVE_GROUP` as `IP_ADD_MEMBERSHIP`/`IP_DROP_MEMBERSHIP` and builds
 * `ip_mreq`/`ipv6_mreq` itself.
 */
const RFC3678 = platform.php.MCAST_JOIN_GROUP === N.MCAST_JOIN_GROUP;
const S = platform.structs;
const IN_ADDR = S.sockaddr_in.fields.sin_addr[0];
const MAX_INDEX = 4294967295;

/** The `MCAST_*` options, by value, with the keys each needs besides `group`. */
const MCAST = new Map<number, { source: boolean }>();
for (
  const [name, source] of [
    ["MCAST_JOIN_GROUP", false],
    ["MCAST_LEAVE_GROUP", false],
    ["MCAST_BLOCK_SOURCE", true],
    ["MCAST_UNBLOCK_SOURCE", true],
    ["MCAST_JOIN_SOURCE_GROUP", true],
    ["MCAST_LEAVE_SOURCE_GROUP", true],
  ] as const
) {
  const value = platform.php[name];
  if (value !== undefined) MCAST.set(value, { source });
}

/** Whether `option` is one of the `MCAST_*` options of this platform. */
export function isMcastOption(option: number): boolean {
  return MCAST.has(option);
}

/**
 * An interface given as an index (PHP int) or a name (anything else, as a
 * string): the index, or `null` after PHP's warning when no interface has
 * that name.
 *
 * @throws {ValueError} `Index must be between 0 and 4294967295`
 */
export function interfaceIndex(fn: string, value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value) || typeof value === "bigint") {
    const index = Number(value);
    if (index < 0 || index > MAX_INDEX) {
      throw new ValueError(`Index must be between 0 and ${MAX_INDEX}`);
    }
    return index;
  }
  const name = toPhpString(value);
  const index = sys().ifNameToIndex(name);
  if (index === 0) {
    warn(fn, `No interface with name "${name}" could be found`);
    return null;
  }
  return index;
}

/**
 * The IPv4 address of interface `index` for `IP_MULTICAST_IF` (0: any), or
 * `null` after PHP's warning.
 */
export function interfaceIPv4(fn: string, index: number): Uint8Array | null {
  if (index === 0) return new Uint8Array(4);
  const name = sys().ifIndexToName(index);
  const failure = (code: number): null => {
    warn(fn, `Failed obtaining address for interface ${index}: error ${code}`);
    return null;
  };
  if (name === null) return failure(ENODEV);
  const list = sys().interfaceAddresses();
  if (typeof list === "number") return failure(sys().lastError());
  const entry = list.find((a) => a.name === name && a.family === AF_INET);
  return entry ? entry.addr.slice(IN_ADDR, IN_ADDR + 4) : failure(EADDRNOTAVAIL);
}

/**
 * The index of the interface that has IPv4 address `addr` (as
 * `IP_MULTICAST_IF` reads back), 0 for any, or `null` after PHP's warning.
 */
export function interfaceOfIPv4(fn: string, addr: Uint8Array): number | null {
  if (addr.every((b) => b === 0)) return 0;
  const list = sys().interfaceAddresses();
  if (typeof list === "number") {
    warn(fn, `Failed obtaining interfaces list: error ${sys().lastError()}`);
    return null;
  }
  const entry = list.find((a) =>
    a.family === AF_INET && addr.every((b, i) => a.addr[IN_ADDR + i] === b)
  );
  if (!entry) {
    warn(fn, `The interface with IP address ${addr.join(".")} was not found`);
    return null;
  }
  const index = sys().ifNameToIndex(entry.name);
  if (index === 0) {
    warn(fn, `Error converting interface name to index: error ${sys().lastError()}`);
    return null;
  }
  return index;
}

/** A required address of an `MCAST_*` array, resolved for the socket's family. */
function addressEntry(
  fn: string,
  state: SocketState,
  array: Readonly<Record<string, unknown>>,
  key: "group" | "source",
): Uint8Array | null {
  const value = entryOf(array, key);
  if (value === undefined) throw new ValueError(`No key "${key}" passed in optval`);
  const text = toPhpString(value);
  if (state.family !== AF_INET && state.family !== AF_INET6) {
    warn(fn, "IP address used in the context of an unexpected type of socket");
    return null;
  }
  return resolveInet(fn, state, state.family, text, 0)?.bytes ?? null;
}

/**
 * `socket_set_option()` for an `MCAST_*` option: builds `struct group_req`
 * or `struct group_source_req` (RFC 3678) from PHP's array and sets it at
 * the caller's level.
 *
 * @returns whether it succeeded (failures have warned).
 */
export function setMcastOption(
  fn: string,
  state: SocketState,
  level: number,
  option: number,
  value: unknown,
): boolean {
  const { source: needsSource } = MCAST.get(option)!;
  const array = toPhpArray(value);
  const group = addressEntry(fn, state, array, "group");
  if (group === null) return false;
  const source = needsSource ? addressEntry(fn, state, array, "source") : null;
  if (needsSource && source === null) return false;
  const given = entryOf(array, "interface");
  const index = given === undefined ? 0 : interfaceIndex(fn, given);
  if (index === null) return false;

  if (!RFC3678) return setMembership(fn, state, level, option, group, index);
  const layout = needsSource ? S.group_source_req : S.group_req;
  const f = layout.fields;
  const req = new Uint8Array(layout.size);
  const dv = new DataView(req.buffer);
  dv.setUint32((needsSource ? f.gsr_interface : f.gr_interface)[0], index, true);
  req.set(group, (needsSource ? f.gsr_group : f.gr_group)[0]);
  if (source) req.set(source, f.gsr_source[0]);
  if (sys().setsockopt(state.fd, level, option, req, req.length) < 0) {
    socketError(state, fn, "Unable to set socket option", sys().lastError());
    return false;
  }
  return true;
}

/**
 * Join or leave without RFC 3678 (macOS), as PHP does there: `ip_mreq` with
 * the interface's IPv4 address, or `ipv6_mreq` with its index.
 */
function setMembership(
  fn: string,
  state: SocketState,
  level: number,
  option: number,
  group: Uint8Array,
  index: number,
): boolean {
  const join = option === platform.php.MCAST_JOIN_GROUP;
  let req: Uint8Array;
  let name: number;
  if (state.family === AF_INET) {
    const f = S.ip_mreq.fields;
    const iface = interfaceIPv4(fn, index);
    if (iface === null) return false;
    req = new Uint8Array(S.ip_mreq.size);
    req.set(group.subarray(IN_ADDR, IN_ADDR + 4), f.imr_multiaddr[0]);
    req.set(iface, f.imr_interface[0]);
    name = join ? N.IP_ADD_MEMBERSHIP : N.IP_DROP_MEMBERSHIP;
  } else {
    const f = S.ipv6_mreq.fields;
    const at = S.sockaddr_in6.fields.sin6_addr[0];
    req = new Uint8Array(S.ipv6_mreq.size);
    req.set(group.subarray(at, at + 16), f.ipv6mr_multiaddr[0]);
    new DataView(req.buffer).setUint32(f.ipv6mr_interface[0], index, true);
    name = join ? N.IPV6_JOIN_GROUP : N.IPV6_LEAVE_GROUP;
  }
  if (sys().setsockopt(state.fd, level, name, req, req.length) < 0) {
    socketError(state, fn, "Unable to set socket option", sys().lastError());
    return false;
  }
  return true;
}
