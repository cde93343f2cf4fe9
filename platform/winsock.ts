/**
 * {@link Sys} over Winsock 2 (`ws2_32.dll`), for Windows x64.
 *
 * Winsock is started (`WSAStartup(2.2)`) when the first socket call needs
 * it, not at import. Every failing call's `WSAGetLastError()` is read by the
 * adapter right after the call (see `ffi/_wrap.ts`), as errno is on POSIX.
 *
 * A `SOCKET` is pointer-sized; it travels as a number (handle values stay
 * within 32 bits) and `INVALID_SOCKET` reads as -1. What POSIX offers and
 * Winsock lacks is built here the way PHP for Windows builds it:
 * `socketpair()` over a loopback TCP connection (AF_INET only), `write()` as
 * `send()`, the blocking mode remembered from `ioctlsocket(FIONBIO)` since
 * Winsock cannot report it, `recvmsg()` through the `WSARecvMsg` pointer
 * that `WSAIoctl` hands out, and error texts from `FormatMessageW` with the
 * SDK's texts as a fallback.
 *
 * @module
 */

import { runtime } from "../ffi/load.ts";
import { kernel32Symbols, ws2Symbols, WSARecvMsg } from "../ffi/ws2_32.ts";
import type { PlatformDescriptor } from "./descriptor.ts";
import { addrInfoLayout, cString, hostAddresses, latin1 } from "./netdb.ts";
import { createPollAsync } from "./poll_async.ts";
import { type EventTable, fromNative, type PollEvents, toNative } from "./poll_events.ts";
import { Ready } from "./sys.ts";
import type { HostLookup, SocketHandle, Sys } from "./sys.ts";
import { windowsMessages } from "./windows_messages.ts";
import { createSharing } from "./winsock_sharing.ts";

const WINSOCK_2_2 = 0x0202;
const INT_MAX = 0x7fffffff;
// struct hostent on Win64: char *h_name @0; char **h_aliases @8;
// short h_addrtype @16; short h_length @18; char **h_addr_list @24.
const HOSTENT_TYPES = 16;
const HOSTENT_ADDR_LIST = 24;
// FormatMessageW: FORMAT_MESSAGE_IGNORE_INSERTS | FORMAT_MESSAGE_FROM_SYSTEM,
// LANG_NEUTRAL/SUBLANG_NEUTRAL, as PHP asks.
const FORMAT_FLAGS = 0x200 | 0x1000;
const MESSAGE_CHARS = 1024;
/** WSAID_WSARECVMSG {f689d7c8-6f1f-436b-8a53-e54fe351c322}, as GUID bytes. */
const WSAID_WSARECVMSG = new Uint8Array([
  0xc8,
  0xd7,
  0x89,
  0xf6,
  0x1f,
  0x6f,
  0x6b,
  0x43,
  0x8a,
  0x53,
  0xe5,
  0x4f,
  0xe3,
  0x51,
  0xc3,
  0x22,
]);

/** A C string at `p` (at most `max` bytes), copied out. */
function cText(p: bigint, max = 1024): string {
  if (p === 0n) return "";
  const bytes = runtime.copyOut(p, max);
  const end = bytes.indexOf(0);
  return latin1(end < 0 ? bytes : bytes.subarray(0, end));
}

/** UTF-8 bytes of a text, as a byte string (PHP returns system texts in UTF-8). */
function utf8ByteString(text: string): string {
  return latin1(new TextEncoder().encode(text));
}

/** Creates the Winsock {@link Sys} for the Windows descriptor. */
export function createWinsockSys(platform: PlatformDescriptor): Sys {
  const n = platform.native;
  const p = platform.php;
  const lib = runtime.open({
    paths: platform.libraries,
    symbols: ws2Symbols,
    lastError: { symbol: "WSAGetLastError", via: "call" },
  });
  const kernel32 = runtime.open({
    paths: ["kernel32.dll"],
    symbols: kernel32Symbols,
    lastError: { symbol: "GetLastError", via: "call" },
  });
  const c = lib.fn;
  const wsaData = new Uint8Array(platform.structs.WSADATA.size);
  const started = c.WSAStartup(WINSOCK_2_2, wsaData);
  if (started !== 0) throw new Error(`winsock.dll unusable. ${started}`);

  /** Handles switched to non-blocking mode (Winsock cannot be asked). */
  const nonBlocking = new Set<SocketHandle>();
  const intLen = (len: number): number => Math.min(len, INT_MAX);

  function socketpair(domain: number, type: number, protocol: number, pair: Int32Array): number {
    if (domain !== p.AF_INET) {
      c.WSASetLastError(n.WSAENOPROTOOPT);
      return -1;
    }
    // PHP's emulation: a listener on 127.0.0.1, one connection, accept.
    const listener = c.socket(p.AF_INET, type, protocol);
    if (listener < 0) return -1;
    const addr = new Uint8Array(platform.structs.sockaddr_in.size);
    const dv = new DataView(addr.buffer);
    dv.setUint16(0, p.AF_INET, true);
    dv.setUint32(4, n.INADDR_LOOPBACK, false);
    const len = new Uint32Array([addr.length]);
    let a = -1;
    let b = -1;
    if (
      c.bind(listener, addr, addr.length) === 0 && c.listen(listener, 1) === 0
      && c.getsockname(listener, addr, len) === 0
    ) {
      a = c.socket(p.AF_INET, type, protocol);
      if (a >= 0 && c.connect(a, addr, len[0]) === 0) {
        b = c.accept(listener, null, null);
      }
    }
    c.closesocket(listener);
    if (a < 0 || b < 0) {
      if (a >= 0) c.closesocket(a);
      c.WSASetLastError(n.WSAECONNABORTED);
      return -1;
    }
    pair[0] = a;
    pair[1] = b;
    return 0;
  }

  let recvMsgFn: ((...a: never[]) => number) | null = null;
  function recvMsgFor(h: SocketHandle): ((...a: never[]) => number) | null {
    if (recvMsgFn) return recvMsgFn;
    const out = new BigUint64Array(1);
    const got = new Uint32Array(1);
    const rc = c.WSAIoctl(
      h,
      n.SIO_GET_EXTENSION_FUNCTION_POINTER,
      WSAID_WSARECVMSG,
      WSAID_WSARECVMSG.length,
      new Uint8Array(out.buffer),
      8,
      new Uint8Array(got.buffer),
      null,
      null,
    );
    if (rc !== 0 || out[0] === 0n) return null;
    recvMsgFn = lib.bind(out[0], WSARecvMsg) as unknown as (...a: never[]) => number;
    return recvMsgFn;
  }

  const pollfd = platform.structs.pollfd;
  // WSAPoll takes only the *NORM/*BAND request bits (POLLPRI is an error).
  const request: EventTable = [
    [Ready.In, n.POLLRDNORM],
    [Ready.Pri, n.POLLRDBAND],
    [Ready.Out, n.POLLWRNORM],
  ];
  const pollEvents: PollEvents = {
    request,
    result: [
      ...request,
      [Ready.Err, n.POLLERR],
      [Ready.Hup, n.POLLHUP],
      [Ready.Invalid, n.POLLNVAL],
    ],
  };

  const ai = addrInfoLayout(platform.structs.addrinfo, cText);

  const messageBuffer = new Uint16Array(MESSAGE_CHARS);
  function formatMessage(code: number): string {
    const chars = kernel32.fn.FormatMessageW(
      FORMAT_FLAGS,
      null,
      code >>> 0,
      0,
      new Uint8Array(messageBuffer.buffer),
      MESSAGE_CHARS,
      null,
    );
    let text = "";
    for (let i = 0; i < chars; i++) text += String.fromCharCode(messageBuffer[i]);
    return text.replace(/[\r\n.]+$/, "");
  }

  return {
    lastError: lib.lastError,
    socket: c.socket,
    socketpair,
    bind: (h, a, l) => c.bind(h, a, l),
    listen: c.listen,
    accept(h, addr, addrLen): SocketHandle {
      const r = c.accept(h, addr, addrLen);
      // The accepted socket inherits the listener's mode (Winsock's rule).
      if (r >= 0 && nonBlocking.has(h)) nonBlocking.add(r);
      return r;
    },
    connect: (h, a, l) => c.connect(h, a, l),
    shutdown: c.shutdown,
    close(h: SocketHandle): number {
      nonBlocking.delete(h);
      return c.closesocket(h);
    },
    write: (h, b, l) => c.send(h, b, intLen(l), 0),
    recv: (h, b, l, f) => c.recv(h, b, intLen(l), f),
    send: (h, b, l, f) => c.send(h, b, intLen(l), f),
    recvfrom: (h, b, l, f, a, al) => c.recvfrom(h, b, intLen(l), f, a, al),
    sendto: (h, b, l, f, a, al) => c.sendto(h, b, intLen(l), f, a, al),
    getsockname: c.getsockname,
    getpeername: c.getpeername,
    getsockopt: c.getsockopt,
    setsockopt: c.setsockopt,

    isNonBlocking(h: SocketHandle): number {
      // Winsock cannot report the mode: check the handle is a socket, then
      // answer from what setNonBlocking() recorded.
      const type = new Int32Array(1);
      const len = new Uint32Array([4]);
      if (c.getsockopt(h, p.SOL_SOCKET, p.SO_TYPE, new Uint8Array(type.buffer), len) < 0) {
        return -1;
      }
      return nonBlocking.has(h) ? 1 : 0;
    },
    setNonBlocking(h: SocketHandle, on: boolean): number {
      const arg = new Uint32Array([on ? 1 : 0]);
      const r = c.ioctlsocket(h, n.FIONBIO, new Uint8Array(arg.buffer));
      if (r === 0) {
        if (on) nonBlocking.add(h);
        else nonBlocking.delete(h);
      }
      return r;
    },

    poll(handles, events, revents, timeoutMs): number {
      const count = handles.length;
      const raw = new Uint8Array(Math.max(1, count * pollfd.size));
      const dv = new DataView(raw.buffer);
      const [fdAt] = pollfd.fields.fd;
      const [eventsAt] = pollfd.fields.events;
      const [reventsAt] = pollfd.fields.revents;
      for (let i = 0; i < count; i++) {
        const bits = toNative(pollEvents.request, events[i]);
        dv.setBigInt64(i * pollfd.size + fdAt, BigInt(handles[i]), true);
        dv.setInt16(i * pollfd.size + eventsAt, bits, true);
      }
      const r = c.WSAPoll(raw, count, timeoutMs);
      if (r < 0) return r;
      // Count the entries with news as POSIX does: Wine leaves POLLNVAL
      // entries out of WSAPoll's own count.
      let ready = 0;
      for (let i = 0; i < count; i++) {
        const got = fromNative(pollEvents.result, dv.getUint16(i * pollfd.size + reventsAt, true));
        revents[i] = got;
        if (got !== 0) ready++;
      }
      return ready;
    },

    strerror(code: number): string {
      const text = formatMessage(code) || windowsMessages.get(code) || "";
      return utf8ByteString(text);
    },
    hstrerror(code: number): string {
      return this.strerror(code);
    },
    inetPton(family: number, text: string): Uint8Array | null {
      const out = new Uint8Array(16);
      const r = c.inet_pton(family, cString(text), out);
      return r === 1 ? out.subarray(0, family === p.AF_INET6 ? 16 : 4) : null;
    },
    inetNtop(family: number, addr: Uint8Array): string {
      const out = new Uint8Array(64);
      if (c.inet_ntop(family, addr, out, out.length) === 0n) return "";
      return latin1(out.subarray(0, out.indexOf(0)));
    },
    gethostbyname(name: string): HostLookup | number {
      const he = c.gethostbyname(cString(name));
      if (he === 0n) return lib.lastError();
      const types = runtime.readI32(he, HOSTENT_TYPES);
      const family = types & 0xffff;
      const length = types >>> 16;
      const list = runtime.readPointer(he, HOSTENT_ADDR_LIST);
      return { family, addresses: hostAddresses(list, length) };
    },
    getaddrinfo: (host, service, hints) =>
      ai.lookup(
        (node, service, h, res) => c.getaddrinfo(node, service, h, new Uint8Array(res.buffer)),
        c.freeaddrinfo,
        host,
        service,
        hints,
      ),
    hErrno: lib.lastError,
    // Interface names are resolved by iphlpapi on Windows, which the module
    // does not load: only numeric scope ids work there.
    ifNameToIndex: () => 0,
    ifIndexToName: () => null,
    interfaceAddresses(): number {
      // PHP reads the IPv4 address table through iphlpapi (GetIpAddrTable),
      // which the module does not load.
      c.WSASetLastError(n.WSAEOPNOTSUPP);
      return -1;
    },

    sendmsg(h: SocketHandle, msg: Uint8Array, flags: number): number {
      const sent = new Uint32Array(1);
      const r = c.WSASendMsg(h, msg, flags >>> 0, new Uint8Array(sent.buffer), null, null);
      return r === 0 ? sent[0] : -1;
    },
    recvmsg(h: SocketHandle, msg: Uint8Array, flags: number): number {
      const fn = recvMsgFor(h);
      if (fn === null) return -1;
      const [flagsAt] = platform.msg.flags;
      new DataView(msg.buffer, msg.byteOffset, msg.byteLength).setUint32(flagsAt, flags, true);
      const got = new Uint32Array(1);
      const r = fn(
        h as never,
        msg as never,
        new Uint8Array(got.buffer) as never,
        null as never,
        null as never,
      );
      return r === 0 ? got[0] : -1;
    },
    sharing: createSharing(platform, lib, kernel32),

    // Added with the stream functions and readiness waits.
    pollAsync: createPollAsync(platform, {
      name: "WSAPoll",
      symbol: ws2Symbols.WSAPoll,
      lastError: {
        symbol: "WSAGetLastError",
        via: "call",
        declaration: ws2Symbols.WSAGetLastError,
      },
    }, pollEvents),
    // getaddrinfo()'s codes are Winsock codes, explained like any other
    // (gai_strerror is an inline header function, not a ws2_32 export).
    gaiStrerror(code: number): string {
      return this.strerror(code);
    },
  };
}
