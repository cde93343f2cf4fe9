/**
 * The ancillary data types PHP registers, with their conversions between
 * PHP values and C data (reference §3.3): `IPV6_PKTINFO`, `IPV6_HOPLIMIT`
 * and `IPV6_TCLASS` (level `IPPROTO_IPV6`), credentials (`SCM_CREDENTIALS`
 * with `struct ucred` on Linux, `SCM_CREDS2` with `struct sockcred2` on
 * FreeBSD, `SCM_CREDS` with `struct cmsgcred` elsewhere) and `SCM_RIGHTS`
 * (level `SOL_SOCKET`), each registered where the platform defines it.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import type { StructLayout } from "../platform/mod.ts";
import { adoptDescriptor, descriptorOf } from "./descriptors.ts";
import type { Conversion, PhpArray } from "./msg_values.ts";
import { arrayGet, arrayValues, isPhpArray, phpInt, phpRanged, phpString } from "./msg_values.ts";
import { resolveInet } from "./sockaddr.ts";
import type { Socket, SocketState } from "./socket.ts";

const P = platform.php;
const S = platform.structs;
const INT_SIZE = 4;
const UINT_MAX = 2 ** 32 - 1;

/** What converting received data may need: where to record descriptors it adopted. */
export interface ReceiveContext {
  readonly cx: Conversion;
  /** Objects created for received descriptors (closed again if the conversion fails). */
  readonly adopted: Socket[];
}

/** What converting data to send may need: the socket, for address lookups and their errors. */
export interface SendContext {
  readonly cx: Conversion;
  readonly state: SocketState;
}

/** One registered ancillary type. */
export interface AncillaryType {
  readonly level: number;
  readonly type: number;
  /** Bytes of data of a fixed-size type; 0 for a list type. */
  readonly size: number;
  /** Bytes per element of a list type (`SCM_RIGHTS`: an `int` per descriptor), else 0. */
  readonly elementSize: number;
  /** For a list type: the bytes of data `data` needs, or `null` after recording an error. */
  dataSize?(cx: Conversion, data: unknown): number | null;
  /** Converts `data` into `dv` at `at` (recording the first error in `ctx.cx`). */
  write(ctx: SendContext, data: unknown, dv: DataView, at: number): void;
  /** Converts `length` bytes of received data at `at` into a PHP value. */
  read(ctx: ReceiveContext, dv: DataView, at: number, length: number): unknown;
}

/** A struct field's offset; the registry only uses structs the descriptor has. */
function fieldAt(layout: StructLayout | undefined, name: string): number {
  const field = layout?.fields[name];
  if (!field) throw new Error(`platform descriptor lacks ${name}`);
  return field[0];
}

/**
 * PHP's conversion of an array of required keys: not an array is
 * `expected an array here`; the keys are converted in order, and the first
 * missing one is `The key '<key>' is required`.
 */
function requiredKeys(
  cx: Conversion,
  data: unknown,
  keys: readonly string[],
  convert: (key: string, value: unknown) => void,
): void {
  if (!isPhpArray(data)) {
    cx.fail("expected an array here");
    return;
  }
  for (const key of keys) {
    if (cx.failed) return;
    const value = arrayGet(data, key);
    if (value === undefined) {
      cx.fail(`The key '${key}' is required`);
      return;
    }
    cx.at(key, () => convert(key, value));
  }
}

const intType = (level: number, type: number): AncillaryType => ({
  level,
  type,
  size: INT_SIZE,
  elementSize: 0,
  write({ cx }, data, dv, at) {
    const n = phpInt(cx, data);
    if (n !== null) dv.setInt32(at, n, true);
  },
  read: (_ctx, dv, at) => dv.getInt32(at, true),
});

function pktinfoType(level: number, type: number): AncillaryType {
  const layout = S.in6_pktinfo;
  const addrAt = fieldAt(layout, "ipi6_addr");
  const indexAt = fieldAt(layout, "ipi6_ifindex");
  return {
    level,
    type,
    size: layout.size,
    elementSize: 0,
    write({ cx, state }, data, dv, at) {
      requiredKeys(cx, data, ["addr", "ifindex"], (key, value) => {
        if (key === "addr") {
          const text = phpString(value);
          const resolved = resolveInet(cx.fn, state, P.AF_INET6, text, 0);
          if (!resolved) {
            cx.fail(`could not resolve address '${text}' to get an AF_INET6 address`);
            return;
          }
          const from = S.sockaddr_in6.fields.sin6_addr[0];
          for (let i = 0; i < 16; i++) dv.setUint8(at + addrAt + i, resolved.bytes[from + i]);
        } else {
          const index = interfaceIndex(cx, value);
          if (index !== null) dv.setUint32(at + indexAt, index, true);
        }
      });
    },
    read(_ctx, dv, at) {
      const addr = new Uint8Array(dv.buffer, dv.byteOffset + at + addrAt, 16);
      return {
        addr: sys().inetNtop(P.AF_INET6, addr.slice()),
        ifindex: dv.getUint32(at + indexAt, true),
      };
    },
  };
}

/** An interface given by index (an int) or by name (anything else, as a string). */
function interfaceIndex(cx: Conversion, value: unknown): number | null {
  if ((typeof value === "number" && Number.isInteger(value)) || typeof value === "bigint") {
    const n = Number(value);
    if (n < 0 || n > UINT_MAX) {
      cx.fail(`the interface index cannot be negative or larger than ${UINT_MAX}; given ${n}`);
      return null;
    }
    return n;
  }
  const name = phpString(value);
  const index = sys().ifNameToIndex(name);
  if (index === 0) cx.fail(`no interface with name "${name}" could be found`);
  return index === 0 ? null : index;
}

/** The credential structs PHP uses, by constant: struct name and its pid/uid/gid fields. */
const CREDENTIALS: readonly [constant: string, struct: string, fields: readonly string[]][] = [
  ["SCM_CREDENTIALS", "ucred", ["pid", "uid", "gid"]],
  ["SCM_CREDS2", "sockcred2", ["sc_pid", "sc_uid", "sc_gid"]],
  ["SCM_CREDS", "cmsgcred", ["cmcred_pid", "cmcred_uid", "cmcred_gid"]],
];

function credentialsType(
  level: number,
  type: number,
  struct: string,
  fields: readonly string[],
): AncillaryType {
  const layout = S[struct];
  const [pidAt, uidAt, gidAt] = fields.map((f) => fieldAt(layout, f));
  const offsets: Record<string, number> = { pid: pidAt, uid: uidAt, gid: gidAt };
  return {
    level,
    type,
    size: layout.size,
    elementSize: 0,
    write({ cx }, data, dv, at) {
      requiredKeys(cx, data, ["pid", "uid", "gid"], (key, value) => {
        const n = key === "pid"
          ? phpRanged(cx, value, 0, 2 ** 31 - 1, "a pid_t value")
          : phpRanged(cx, value, 0, UINT_MAX, "a uid_t value");
        if (n !== null) dv.setUint32(at + offsets[key], n, true);
      });
    },
    read: (_ctx, dv, at) => ({
      pid: dv.getInt32(at + pidAt, true),
      uid: dv.getUint32(at + uidAt, true),
      gid: dv.getUint32(at + gidAt, true),
    }),
  };
}

const rightsType = (level: number, type: number): AncillaryType => ({
  level,
  type,
  size: 0,
  elementSize: INT_SIZE,
  dataSize(cx, data) {
    if (!isPhpArray(data)) {
      cx.fail("expected an array here");
      return null;
    }
    const count = arrayValues(data).length;
    if (count === 0) {
      cx.fail("expected at least one element in this array");
      return null;
    }
    return count * INT_SIZE;
  },
  write({ cx }, data, dv, at) {
    arrayValues(data as PhpArray).forEach((value, i) => {
      if (cx.failed) return;
      const fd = descriptorOf(value);
      // Slot i for the i-th element: PHP 8.0-8.4 shift Socket objects by one.
      if (typeof fd === "number") dv.setInt32(at + i * INT_SIZE, fd, true);
      else cx.at(`element #${i + 1}`, () => cx.fail(fd));
    });
  },
  read({ cx, adopted }, dv, at, length) {
    const list: Socket[] = [];
    for (let i = 0; (i + 1) * INT_SIZE <= length && !cx.failed; i++) {
      const fd = dv.getInt32(at + i * INT_SIZE, true);
      const object = adoptDescriptor(fd);
      if (typeof object === "string") cx.fail(object);
      else {
        adopted.push(object);
        list.push(object);
      }
    }
    return list;
  },
});

function buildRegistry(): Map<string, AncillaryType> {
  const types: AncillaryType[] = [];
  const ipv6 = P.IPPROTO_IPV6;
  if (ipv6 !== undefined) {
    if (P.IPV6_PKTINFO !== undefined && S.in6_pktinfo) {
      types.push(pktinfoType(ipv6, P.IPV6_PKTINFO));
    }
    if (P.IPV6_HOPLIMIT !== undefined) types.push(intType(ipv6, P.IPV6_HOPLIMIT));
    if (P.IPV6_TCLASS !== undefined) types.push(intType(ipv6, P.IPV6_TCLASS));
  }
  const credentials = CREDENTIALS.find(([name, struct]) => P[name] !== undefined && S[struct]);
  if (credentials) {
    const [name, struct, fields] = credentials;
    types.push(credentialsType(P.SOL_SOCKET, P[name], struct, fields));
  }
  if (P.SCM_RIGHTS !== undefined) types.push(rightsType(P.SOL_SOCKET, P.SCM_RIGHTS));
  return new Map(types.map((t) => [`${t.level}/${t.type}`, t]));
}

let registry: Map<string, AncillaryType> | undefined;

/** The registered ancillary type for a level and type, or `undefined`. */
export function ancillaryType(level: number, type: number): AncillaryType | undefined {
  registry ??= buildRegistry();
  return registry.get(`${level}/${type}`);
}
