/**
 * {@link Sys} over the POSIX C library: glibc on Linux, libSystem on macOS,
 * FreeBSD's libc, each through its descriptor (error accessors, SIGPIPE
 * guard, `fcntl` declaration).
 *
 * The library is opened on first use. Every failing call's `errno` is read by
 * the adapter right after the call (see `ffi/_wrap.ts`).
 *
 * @module
 */

import { errorLocation, fcntlStackVariadic, libcSymbols } from "../ffi/libc.ts";
import type { LibcSymbols } from "../ffi/libc.ts";
import { runtime } from "../ffi/load.ts";
import type { NativeLibrary } from "../ffi/load.ts";
import type { FfiSymbol } from "../ffi/types.ts";
import type { PlatformDescriptor } from "./descriptor.ts";
import { addrInfoLayout, cString, hostAddresses, latin1 } from "./netdb.ts";
import { createPollAsync } from "./poll_async.ts";
import { fromNative, posixPollEvents, toNative } from "./poll_events.ts";
import type { HostLookup, InterfaceAddress, SocketHandle, Sys } from "./sys.ts";

// struct hostent is the same on every LP64 libc:
// char *h_name @0; char **h_aliases @8; int h_addrtype @16; int h_length @20; char **h_addr_list @24.
const HOSTENT_ADDRTYPE = 16;
const HOSTENT_LENGTH = 20;
const HOSTENT_ADDR_LIST = 24;

// struct ifaddrs is the same on glibc, macOS and FreeBSD (LP64):
// struct ifaddrs *ifa_next @0; char *ifa_name @8; unsigned ifa_flags @16; struct sockaddr *ifa_addr @24.
const IFADDRS_NEXT = 0;
const IFADDRS_NAME = 8;
const IFADDRS_ADDR = 24;
const IF_NAMESIZE = 16;

/**
 * The libc symbol table for a platform: glibc's error accessors replaced by
 * the platform's own (`__error`, `__h_errno`), and `fcntl` declared for the
 * calling convention of the running CPU.
 */
function symbolsFor(platform: PlatformDescriptor): LibcSymbols {
  const { __errno_location: _e, __h_errno_location: _h, ...rest } = libcSymbols;
  const table: Record<string, FfiSymbol> = { ...rest, [platform.errnoSymbol]: errorLocation };
  if (platform.hErrnoSymbol !== null) table[platform.hErrnoSymbol] = errorLocation;
  if (stackVariadic(platform)) table.fcntl = fcntlStackVariadic;
  return table as unknown as LibcSymbols;
}

function stackVariadic(platform: PlatformDescriptor): boolean {
  return platform.variadicOnStack.includes(runtime.arch);
}

/** Creates the POSIX {@link Sys} for a platform descriptor. */
export function createPosixSys(platform: PlatformDescriptor): Sys {
  const n = platform.native;
  const lib: NativeLibrary<LibcSymbols> = runtime.open({
    paths: platform.libraries,
    symbols: symbolsFor(platform),
    lastError: { symbol: platform.errnoSymbol as "__errno_location", via: "location" },
  });
  const c = lib.fn;
  const fns = c as unknown as Record<string, (...a: unknown[]) => unknown>;
  const noSignal = platform.noSigpipe === "MSG_NOSIGNAL" ? n.MSG_NOSIGNAL : 0;
  const hErrnoAt = platform.hErrnoSymbol === null ? null : fns[platform.hErrnoSymbol]() as bigint;
  /** macOS has no h_errno accessor to call: report "host not found" (HOST_NOT_FOUND = 1). */
  const readHErrno = (): number => hErrnoAt === null ? 1 : runtime.readI32(hErrnoAt, 0);
  const fcntl: (h: SocketHandle, cmd: number, arg: number) => number = stackVariadic(platform)
    ? (h, cmd, arg) => fns.fcntl(h, cmd, 0, 0, 0, 0, 0, 0, arg) as number
    : c.fcntl;
  // SO_NOSIGPIPE (macOS, FreeBSD) is set on every socket this process makes.
  const one = new Uint8Array(new Int32Array([1]).buffer);
  const guard = (h: SocketHandle): SocketHandle => {
    if (h >= 0) c.setsockopt(h, n.SOL_SOCKET, n.SO_NOSIGPIPE, one, 4);
    return h;
  };
  const pollfd = platform.structs.pollfd;
  const [pfFd] = pollfd.fields.fd;
  const [pfEvents] = pollfd.fields.events;
  const [pfRevents] = pollfd.fields.revents;
  let pollBuffer = new Uint8Array(64 * pollfd.size);
  let pollView = new DataView(pollBuffer.buffer);
  const pollEvents = posixPollEvents(n);

  const cText = (p: bigint): string => p === 0n ? "" : latin1(runtime.copyOut(p, c.strlen(p)));
  const ai = addrInfoLayout(platform.structs.addrinfo, cText);

  const S = platform.structs;
  const addrSize: Record<number, number> = {
    [platform.php.AF_INET]: S.sockaddr_in.size,
    [platform.php.AF_INET6]: S.sockaddr_in6.size,
  };
  const familyAt = platform.sockaddrHasLen ? 1 : 0;

  /** Copies one getifaddrs() entry's address, or null for families not needed. */
  function readInterfaceAddress(p: bigint): InterfaceAddress | null {
    const sa = runtime.readPointer(p, IFADDRS_ADDR);
    if (sa === 0n) return null;
    const family = runtime.copyOut(sa, 2)[familyAt];
    const size = addrSize[family];
    if (size === undefined) return null;
    const name = cText(runtime.readPointer(p, IFADDRS_NAME));
    return { name, family, addr: runtime.copyOut(sa, size) };
  }

  const fprog = S.sock_fprog;

  return {
    lastError: lib.lastError,
    socket: platform.noSigpipe !== "SO_NOSIGPIPE"
      ? c.socket
      : (d, t, p) => guard(c.socket(d, t, p)),
    socketpair: platform.noSigpipe !== "SO_NOSIGPIPE" ? c.socketpair : (d, t, p, pair) => {
      const r = c.socketpair(d, t, p, pair);
      if (r === 0) { for (const h of pair) guard(h); }
      return r;
    },
    bind: c.bind,
    listen: c.listen,
    accept: platform.noSigpipe !== "SO_NOSIGPIPE"
      ? c.accept
      : (h, addr, len) => guard(c.accept(h, addr, len)),
    connect: c.connect,
    shutdown: c.shutdown,
    close: c.close,
    write: c.write,
    recv: c.recv,
    send: (h, b, l, f) => c.send(h, b, l, f | noSignal),
    recvfrom: c.recvfrom,
    sendto: (h, b, l, f, a, al) => c.sendto(h, b, l, f | noSignal, a, al),
    getsockname: c.getsockname,
    getpeername: c.getpeername,
    getsockopt: c.getsockopt,
    setsockopt: c.setsockopt,

    isNonBlocking(h: SocketHandle): number {
      const flags = fcntl(h, n.F_GETFL, 0);
      if (flags < 0) return -1;
      return (flags & n.O_NONBLOCK) !== 0 ? 1 : 0;
    },
    setNonBlocking(h: SocketHandle, nonBlocking: boolean): number {
      const flags = fcntl(h, n.F_GETFL, 0);
      if (flags < 0) return -1;
      const next = nonBlocking ? flags | n.O_NONBLOCK : flags & ~n.O_NONBLOCK;
      return next === flags ? 0 : fcntl(h, n.F_SETFL, next);
    },

    poll(handles, events, revents, timeoutMs): number {
      const count = handles.length;
      // The pollfd array is reused from call to call (it holds descriptors
      // and event bits only, all rewritten below): a new buffer per call
      // costs more than the loops for a few sockets.
      if (count * pollfd.size > pollBuffer.length) {
        pollBuffer = new Uint8Array(Math.max(count * pollfd.size, 2 * pollBuffer.length));
        pollView = new DataView(pollBuffer.buffer);
      }
      const dv = pollView;
      let lastEvents = -1;
      let bits = 0;
      for (let i = 0; i < count; i++) {
        const at = i * pollfd.size;
        if (events[i] !== lastEvents) {
          lastEvents = events[i];
          bits = toNative(pollEvents.request, lastEvents);
        }
        dv.setInt32(at + pfFd, handles[i], true);
        dv.setInt16(at + pfEvents, bits, true);
      }
      const r = c.poll(pollBuffer, count, timeoutMs);
      if (r < 0) return r;
      for (let i = 0; i < count; i++) {
        revents[i] = fromNative(pollEvents.result, dv.getUint16(i * pollfd.size + pfRevents, true));
      }
      return r;
    },

    strerror: (code) => cText(c.strerror(code)),
    hstrerror: (code) => cText(c.hstrerror(code)),

    inetPton(family: number, text: string): Uint8Array | null {
      const out = new Uint8Array(16);
      const r = c.inet_pton(family, cString(text), out);
      return r === 1 ? out.subarray(0, family === n.PF_INET6 ? 16 : 4) : null;
    },
    inetNtop(family: number, addr: Uint8Array): string {
      const out = new Uint8Array(64);
      if (c.inet_ntop(family, addr, out, out.length) === 0n) return "";
      return latin1(out.subarray(0, out.indexOf(0)));
    },
    gethostbyname(name: string): HostLookup | number {
      const he = c.gethostbyname(cString(name));
      if (he === 0n) return readHErrno();
      const family = runtime.readI32(he, HOSTENT_ADDRTYPE);
      const length = runtime.readI32(he, HOSTENT_LENGTH);
      const list = runtime.readPointer(he, HOSTENT_ADDR_LIST);
      return { family, addresses: hostAddresses(list, length) };
    },
    getaddrinfo: (host, service, hints) =>
      ai.lookup(c.getaddrinfo, c.freeaddrinfo, host, service, hints),
    hErrno: readHErrno,
    ifNameToIndex: (name) => c.if_nametoindex(cString(name)),

    sockatmark: c.sockatmark,
    ifIndexToName(index: number): string | null {
      const out = new Uint8Array(IF_NAMESIZE);
      if (c.if_indextoname(index, out) === 0n) return null;
      return latin1(out.subarray(0, out.indexOf(0)));
    },
    interfaceAddresses(): InterfaceAddress[] | number {
      const list = new BigUint64Array(1);
      if (c.getifaddrs(list) < 0) return -1;
      const out: InterfaceAddress[] = [];
      try {
        for (let p = list[0]; p !== 0n; p = runtime.readPointer(p, IFADDRS_NEXT)) {
          const entry = readInterfaceAddress(p);
          if (entry) out.push(entry);
        }
      } finally {
        c.freeifaddrs(list[0]);
      }
      return out;
    },
    setsockoptFilter(h, level, option, program, count): number {
      // struct sock_fprog { unsigned short len; struct sock_filter *filter; }:
      // `program` stays referenced by this frame until setsockopt returns,
      // and the kernel copies the instructions during the call.
      const prog = new Uint8Array(fprog.size);
      const dv = new DataView(prog.buffer);
      dv.setUint16(fprog.fields.len[0], count, true);
      dv.setBigUint64(fprog.fields.filter[0], runtime.addressOf(program), true);
      return c.setsockopt(h, level, option, prog, prog.length);
    },

    sendmsg: (h, msg, flags) => c.sendmsg(h, msg, flags | noSignal),
    recvmsg: c.recvmsg,

    // Added with socket_readv/socket_writev.
    readv: c.readv,
    writev: c.writev,

    // Added with the stream functions and readiness waits.
    pollAsync: createPollAsync(platform, {
      name: "poll",
      symbol: libcSymbols.poll,
      lastError: { symbol: platform.errnoSymbol, via: "location", declaration: errorLocation },
    }, pollEvents),
    gaiStrerror: (code) => cText(c.gai_strerror(code)),
  };
}
