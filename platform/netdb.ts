/**
 * What the POSIX and Winsock backends share around the resolver: C strings,
 * the `addrinfo` hints and list walk through the descriptor's layout, and
 * `hostent` address lists. The C calls themselves stay in each backend.
 *
 * @module
 */

import { runtime } from "../ffi/load.ts";
import type { StructLayout } from "./descriptor.ts";
import type { AddrInfoEntry, AddrInfoHints } from "./sys.ts";

const POINTER_SIZE = 8;

/** Encodes a JS string as a NUL-terminated C string (one byte per code unit). */
export function cString(text: string): Uint8Array {
  const out = new Uint8Array(text.length + 1);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Decodes bytes one character per byte (a byte string). */
export function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** `getaddrinfo()` as a backend binds it: node, service, hints, `struct addrinfo **res`. */
export type GetAddrInfo = (
  node: Uint8Array | null,
  service: Uint8Array | null,
  hints: Uint8Array,
  res: BigUint64Array,
) => number;

/** `getaddrinfo()` through one platform's `addrinfo` layout. */
export interface AddrInfoLayout {
  /**
   * Resolves through `getaddrinfo`, copies the entries out and frees the
   * list with `freeaddrinfo`; or returns the resolver's error code.
   */
  lookup(
    getaddrinfo: GetAddrInfo,
    freeaddrinfo: (res: bigint) => void,
    host: string | null,
    service: string | null,
    hints: AddrInfoHints,
  ): AddrInfoEntry[] | number;
}

/**
 * The `addrinfo` conversions for `layout` (field order differs between glibc,
 * the BSDs and Windows); `cText` reads a C string at an address.
 */
export function addrInfoLayout(
  layout: StructLayout,
  cText: (address: bigint) => string,
): AddrInfoLayout {
  const at = (name: string): number => layout.fields[name][0];
  const read = (p: bigint): AddrInfoEntry => {
    // ai_addrlen is a socklen_t (a size_t on Windows): addresses are far below 2^31.
    const addrLen = runtime.readI32(p, at("ai_addrlen"));
    const addr = runtime.readPointer(p, at("ai_addr"));
    const canon = runtime.readPointer(p, at("ai_canonname"));
    return {
      flags: runtime.readI32(p, at("ai_flags")),
      family: runtime.readI32(p, at("ai_family")),
      socktype: runtime.readI32(p, at("ai_socktype")),
      protocol: runtime.readI32(p, at("ai_protocol")),
      addr: addr === 0n ? new Uint8Array(0) : runtime.copyOut(addr, addrLen),
      canonname: canon === 0n ? null : cText(canon),
    };
  };
  const hintsOf = (hints: AddrInfoHints): Uint8Array => {
    const h = new Uint8Array(layout.size);
    const dv = new DataView(h.buffer);
    dv.setInt32(at("ai_flags"), hints.flags ?? 0, true);
    dv.setInt32(at("ai_family"), hints.family ?? 0, true);
    dv.setInt32(at("ai_socktype"), hints.socktype ?? 0, true);
    dv.setInt32(at("ai_protocol"), hints.protocol ?? 0, true);
    return h;
  };
  const entries = (first: bigint): AddrInfoEntry[] => {
    const out: AddrInfoEntry[] = [];
    for (let p = first; p !== 0n; p = runtime.readPointer(p, at("ai_next"))) out.push(read(p));
    return out;
  };
  return {
    lookup(getaddrinfo, freeaddrinfo, host, service, hints): AddrInfoEntry[] | number {
      const res = new BigUint64Array(1);
      const rc = getaddrinfo(
        host === null ? null : cString(host),
        service === null ? null : cString(service),
        hintsOf(hints),
        res,
      );
      if (rc !== 0) return rc;
      try {
        return entries(res[0]);
      } finally {
        freeaddrinfo(res[0]);
      }
    },
  };
}

/** The addresses of a `hostent`'s NULL-terminated `h_addr_list`, `length` bytes each. */
export function hostAddresses(list: bigint, length: number): Uint8Array[] {
  const addresses: Uint8Array[] = [];
  for (let i = 0; list !== 0n; i++) {
    const a = runtime.readPointer(list, i * POINTER_SIZE);
    if (a === 0n) break;
    addresses.push(runtime.copyOut(a, length));
  }
  return addresses;
}
