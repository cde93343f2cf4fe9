import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { describe, test } from "node:test";
import * as mod from "../mod.ts";
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  IPPROTO_IP,
  MCAST_JOIN_GROUP,
  SKF_AD_CPU,
  SKF_AD_QUEUE,
  SO_ATTACH_REUSEPORT_CBPF,
  SO_BINDTODEVICE,
  SO_LINGER,
  SO_PASSCRED,
  SO_PEERCRED,
  SO_RCVTIMEO,
  SO_REUSEADDR,
  SO_TYPE,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create,
  socket_get_option,
  socket_last_error,
  socket_select,
  socket_set_option,
  SOL_SOCKET,
  SOL_TCP,
  TCP_CONGESTION,
  TCP_NOTSENT_LOWAT,
  ValueError,
} from "../mod.ts";
import { platform } from "../platform/mod.ts";
import {
  captureWarnings,
  closeAll,
  linuxOnly,
  localPair,
  ok,
  openDescriptors,
  portOf,
  tcpListener,
  tcpPair,
  tempDir,
  unixPair,
} from "./_helpers.ts";
import {
  assert,
  assertEquals,
  assertInstanceOf,
  assertStrictEquals,
  assertThrows,
} from "./assert.ts";

const consts = mod as unknown as Record<string, number>;
const EPERM = consts.SOCKET_EPERM;

/**
 * One integer option: where it lives, the socket it needs, and what reading
 * it back gives after each value is set (what the kernel does, e.g. Linux
 * doubles buffer sizes and rounds TCP_DEFER_ACCEPT to retransmissions).
 */
interface IntRow {
  level: string;
  option: string;
  type: "stream" | "dgram";
  family?: number;
  sets: [value: number, readBack: number][];
  /** Needs CAP_NET_ADMIN (or root): skipped where setting it is refused with EPERM. */
  privileged?: boolean;
}

const INT_OPTIONS: IntRow[] = [
  { level: "SOL_SOCKET", option: "SO_REUSEADDR", type: "stream", sets: [[1, 1], [0, 0]] },
  { level: "SOL_SOCKET", option: "SO_REUSEPORT", type: "stream", sets: [[1, 1], [0, 0]] },
  { level: "SOL_SOCKET", option: "SO_KEEPALIVE", type: "stream", sets: [[1, 1], [0, 0]] },
  { level: "SOL_SOCKET", option: "SO_BROADCAST", type: "dgram", sets: [[1, 1], [0, 0]] },
  { level: "SOL_SOCKET", option: "SO_OOBINLINE", type: "stream", sets: [[1, 1], [0, 0]] },
  { level: "SOL_SOCKET", option: "SO_DONTROUTE", type: "stream", sets: [[1, 1], [0, 0]] },
  { level: "SOL_SOCKET", option: "SO_RCVBUF", type: "stream", sets: [[8192, 16384]] },
  { level: "SOL_SOCKET", option: "SO_SNDBUF", type: "stream", sets: [[8192, 16384]] },
  { level: "SOL_SOCKET", option: "SO_RCVLOWAT", type: "stream", sets: [[10, 10]] },
  { level: "SOL_SOCKET", option: "SO_INCOMING_CPU", type: "stream", sets: [[0, 0]] },
  { level: "SOL_SOCKET", option: "SO_ZEROCOPY", type: "stream", sets: [[1, 1]] },
  { level: "SOL_SOCKET", option: "SO_BINDTOIFINDEX", type: "stream", sets: [[1, 1], [0, 0]] },
  { level: "SOL_SOCKET", option: "SO_MARK", type: "stream", sets: [[5, 5]], privileged: true },
  { level: "SOL_SOCKET", option: "SO_DEBUG", type: "stream", sets: [[1, 1]], privileged: true },
  {
    level: "SOL_SOCKET",
    option: "SO_BUSY_POLL",
    type: "stream",
    sets: [[10, 10]],
    privileged: true,
  },
  { level: "SOL_TCP", option: "TCP_NODELAY", type: "stream", sets: [[1, 1], [0, 0]] },
  { level: "SOL_TCP", option: "TCP_KEEPIDLE", type: "stream", sets: [[30, 30]] },
  { level: "SOL_TCP", option: "TCP_KEEPINTVL", type: "stream", sets: [[15, 15]] },
  { level: "SOL_TCP", option: "TCP_KEEPCNT", type: "stream", sets: [[4, 4]] },
  { level: "SOL_TCP", option: "TCP_NOTSENT_LOWAT", type: "stream", sets: [[16384, 16384]] },
  { level: "SOL_TCP", option: "TCP_DEFER_ACCEPT", type: "stream", sets: [[1, 1], [5, 7]] },
  { level: "SOL_TCP", option: "TCP_QUICKACK", type: "stream", sets: [[1, 1], [0, 0]] },
  { level: "SOL_TCP", option: "TCP_SYNCNT", type: "stream", sets: [[3, 3]] },
  { level: "SOL_TCP", option: "TCP_USER_TIMEOUT", type: "stream", sets: [[1000, 1000]] },
  { level: "SOL_TCP", option: "TCP_REPAIR", type: "stream", sets: [[1, 1]], privileged: true },
  { level: "SOL_UDP", option: "UDP_SEGMENT", type: "dgram", sets: [[1400, 1400]] },
  {
    level: "IPPROTO_IP",
    option: "IP_MULTICAST_TTL",
    type: "dgram",
    family: AF_INET,
    sets: [[5, 5]],
  },
  {
    level: "IPPROTO_IP",
    option: "IP_MULTICAST_LOOP",
    type: "dgram",
    family: AF_INET,
    sets: [[0, 0], [1, 1]],
  },
  {
    level: "IPPROTO_IP",
    option: "IP_MTU_DISCOVER",
    type: "dgram",
    family: AF_INET,
    sets: [[consts.IP_PMTUDISC_DO, 2], [consts.IP_PMTUDISC_DONT, 0]],
  },
  {
    level: "IPPROTO_IP",
    option: "IP_BIND_ADDRESS_NO_PORT",
    type: "stream",
    family: AF_INET,
    sets: [[1, 1]],
  },
  ...[
    ["IPV6_V6ONLY", [[1, 1], [0, 0]]],
    ["IPV6_UNICAST_HOPS", [[9, 9], [-1, 64]]],
    ["IPV6_MULTICAST_HOPS", [[7, 7], [-1, 1]]],
    ["IPV6_MULTICAST_LOOP", [[0, 0], [1, 1]]],
    ["IPV6_RECVPKTINFO", [[1, 1]]],
    ["IPV6_RECVHOPLIMIT", [[1, 1]]],
    ["IPV6_RECVTCLASS", [[1, 1]]],
    ["IPV6_TCLASS", [[32, 32], [-1, 0]]],
  ].map(([option, sets]) => ({
    level: "IPPROTO_IPV6",
    option: option as string,
    type: "dgram" as const,
    family: AF_INET6,
    sets: sets as [number, number][],
  })),
];

function withSocket<T>(family: number, type: number, fn: (s: Socket) => T): T {
  const s = ok(socket_create(family, type, 0));
  try {
    return fn(s);
  } finally {
    socket_close(s);
  }
}

describe("socket_set_option() then socket_get_option() for integer options", {
  skip: linuxOnly("what the kernel reads back"),
}, () => {
  for (const family of [AF_INET, AF_INET6]) {
    const fam = family === AF_INET ? "IPv4" : "IPv6";
    for (const row of INT_OPTIONS) {
      if (row.family !== undefined && row.family !== family) continue;
      const name = `${row.option} on ${fam} ${row.type} sockets reads back what the kernel keeps`;
      test(name, (t) => {
        const type = row.type === "stream" ? SOCK_STREAM : SOCK_DGRAM;
        withSocket(family, type, (s) => {
          const [level, option] = [consts[row.level], consts[row.option]];
          for (const [value, readBack] of row.sets) {
            const { result, warnings } = captureWarnings(() =>
              socket_set_option(s, level, option, value)
            );
            if (!result && row.privileged && socket_last_error(s) === EPERM) {
              t.skip("needs CAP_NET_ADMIN");
              return;
            }
            assertEquals(warnings, []);
            assertStrictEquals(result, true);
            assertStrictEquals(socket_get_option(s, level, option), readBack);
          }
        });
      });
    }
  }
});

describe("integer options every platform has", () => {
  for (const family of [AF_INET, AF_INET6]) {
    const fam = family === AF_INET ? "IPv4" : "IPv6";
    test(`SO_REUSEADDR, SO_KEEPALIVE, TCP_NODELAY and SO_BROADCAST round-trip on ${fam}`, () => {
      withSocket(family, SOCK_STREAM, (s) => {
        for (
          const [level, option] of [[SOL_SOCKET, SO_REUSEADDR], [SOL_SOCKET, consts.SO_KEEPALIVE], [
            SOL_TCP,
            consts.TCP_NODELAY,
          ]]
        ) {
          assertStrictEquals(socket_set_option(s, level, option, true), true);
          assertStrictEquals(socket_get_option(s, level, option), 1);
          assertStrictEquals(socket_set_option(s, level, option, 0), true);
          assertStrictEquals(socket_get_option(s, level, option), 0);
        }
      });
      withSocket(family, SOCK_DGRAM, (s) => {
        assertStrictEquals(socket_set_option(s, SOL_SOCKET, consts.SO_BROADCAST, "1"), true);
        assertStrictEquals(socket_get_option(s, SOL_SOCKET, consts.SO_BROADCAST), 1);
        assertStrictEquals(socket_get_option(s, SOL_SOCKET, SO_TYPE), SOCK_DGRAM);
      });
    });
  }
});

describe("struct-valued options, for IPv4 and IPv6", () => {
  for (const family of [AF_INET, AF_INET6]) {
    const fam = family === AF_INET ? "IPv4" : "IPv6";
    test(`SO_LINGER and SO_SNDTIMEO read back as PHP arrays on ${fam}`, () => {
      withSocket(family, SOCK_STREAM, (s) => {
        assertStrictEquals(
          socket_set_option(s, SOL_SOCKET, SO_LINGER, { l_onoff: 1, l_linger: 3 }),
          true,
        );
        assertEquals(socket_get_option(s, SOL_SOCKET, SO_LINGER), { l_onoff: 1, l_linger: 3 });
        assertStrictEquals(
          socket_set_option(s, SOL_SOCKET, consts.SO_SNDTIMEO, { sec: 2, usec: 500000 }),
          true,
        );
        assertEquals(socket_get_option(s, SOL_SOCKET, consts.SO_SNDTIMEO), {
          sec: 2,
          usec: 500000,
        });
      });
    });

    test(`SO_ERROR holds ECONNREFUSED after a refused non-blocking connect on ${fam}`, () => {
      // A port nothing listens on: listen on one, then close it.
      const listener = tcpListener(family);
      const port = portOf(listener);
      socket_close(listener);
      withSocket(family, SOCK_STREAM, (s) => {
        mod.socket_set_nonblock(s);
        captureWarnings(() =>
          mod.socket_connect(s, family === AF_INET ? "127.0.0.1" : "::1", port)
        );
        assertStrictEquals(socket_select(null, [s], null, 1), 1);
        assertStrictEquals(
          socket_get_option(s, SOL_SOCKET, consts.SO_ERROR),
          consts.SOCKET_ECONNREFUSED,
        );
        // Reading SO_ERROR clears it on POSIX; Winsock keeps reporting it.
        if (platform.os !== "windows") {
          assertStrictEquals(socket_get_option(s, SOL_SOCKET, consts.SO_ERROR), 0);
        }
      });
    });
  }
});

describe("socket_set_option() honours the level (PHP ignores it for 13, 20, 21, 25, 51)", {
  skip: linuxOnly("TCP_NOTSENT_LOWAT"),
}, () => {
  test("TCP_NOTSENT_LOWAT (25 at SOL_TCP) takes an int, unlike SO_BINDTODEVICE (25)", () => {
    const [a, b] = tcpPair(AF_INET);
    assertStrictEquals(socket_set_option(a, SOL_TCP, TCP_NOTSENT_LOWAT, 4096), true);
    assertStrictEquals(socket_get_option(a, SOL_TCP, TCP_NOTSENT_LOWAT), 4096);
    closeAll(a, b);
  });

  test("an option number of SO_LINGER at another level is not read as a linger array", () => {
    withSocket(AF_INET, SOCK_STREAM, (s) => {
      // SOL_TCP 13 is TCP_CONGESTION; SOL_UDP 13 does not exist: a plain int path.
      const { result, warnings } = captureWarnings(() =>
        socket_set_option(s, consts.SOL_UDP, SO_LINGER, 1)
      );
      assertStrictEquals(result, false);
      assertEquals(warnings, [
        "socket_set_option(): Unable to set socket option [92]: Protocol not available",
      ]);
    });
  });
});

describe("string options", { skip: linuxOnly("TCP_CONGESTION and SO_BINDTODEVICE") }, () => {
  test("TCP_CONGESTION sets and reads back an algorithm name", () => {
    withSocket(AF_INET6, SOCK_STREAM, (s) => {
      assertStrictEquals(socket_set_option(s, SOL_TCP, TCP_CONGESTION, "reno"), true);
      assertEquals(socket_get_option(s, SOL_TCP, TCP_CONGESTION), { name: "reno" });
    });
  });

  test("a non-string for TCP_CONGESTION or SO_BINDTODEVICE is a TypeError naming the option", () => {
    withSocket(AF_INET, SOCK_STREAM, (s) => {
      assertThrows(
        () => socket_set_option(s, SOL_TCP, TCP_CONGESTION, 1),
        TypeError,
        "socket_set_option(): Argument #4 ($value) must be of type string when argument #3 ($option) is TCP_CONGESTION, int given",
      );
      assertThrows(
        () => socket_set_option(s, SOL_SOCKET, SO_BINDTODEVICE, null),
        TypeError,
        "is SO_BINDTODEVICE, null given",
      );
    });
  });

  test("SO_BINDTODEVICE binds to lo, reads back the name, and unbinds with an empty string", (t) => {
    withSocket(AF_INET, SOCK_DGRAM, (s) => {
      const { result } = captureWarnings(() =>
        socket_set_option(s, SOL_SOCKET, SO_BINDTODEVICE, "lo")
      );
      if (!result && socket_last_error(s) === EPERM) return t.skip("needs CAP_NET_RAW");
      assertStrictEquals(result, true);
      assertStrictEquals(socket_get_option(s, SOL_SOCKET, SO_BINDTODEVICE), "lo");
      assertStrictEquals(socket_set_option(s, SOL_SOCKET, SO_BINDTODEVICE, ""), true);
      assertStrictEquals(socket_get_option(s, SOL_SOCKET, SO_BINDTODEVICE), "");
      const failed = captureWarnings(() =>
        socket_set_option(s, SOL_SOCKET, SO_BINDTODEVICE, "nope0")
      );
      assertStrictEquals(failed.result, false);
      assertEquals(failed.warnings, [
        "socket_set_option(): Unable to set socket option [19]: No such device",
      ]);
    });
  });
});

describe("range checks", () => {
  test("linger values outside 0..65535 throw instead of wrapping", () => {
    withSocket(AF_INET, SOCK_STREAM, (s) => {
      assertThrows(
        () => socket_set_option(s, SOL_SOCKET, SO_LINGER, { l_onoff: 1, l_linger: 65537 }),
        ValueError,
        "socket_set_option(): Argument #4 ($value) \"l_linger\" must be between 0 and 65535",
      );
      assertThrows(
        () => socket_set_option(s, SOL_SOCKET, SO_LINGER, { l_onoff: -1, l_linger: 0 }),
        ValueError,
        "\"l_onoff\" must be between 0 and 65535",
      );
      assertEquals(socket_get_option(s, SOL_SOCKET, SO_LINGER), { l_onoff: 0, l_linger: 0 });
    });
  });

  test("an integer that does not fit a C int throws instead of being truncated", () => {
    withSocket(AF_INET, SOCK_STREAM, (s) => {
      assertThrows(
        () => socket_set_option(s, SOL_SOCKET, SO_REUSEADDR, 2 ** 40),
        ValueError,
        "socket_set_option(): Argument #4 ($value) must be between -2147483648 and 2147483647",
      );
      assertStrictEquals(socket_get_option(s, SOL_SOCKET, SO_REUSEADDR), 0);
    });
  });

  test("SO_RCVTIMEO takes {sec, usec} and a timeout makes a read fail", () => {
    const [a, b] = localPair();
    assertStrictEquals(
      socket_set_option(a, SOL_SOCKET, SO_RCVTIMEO, { sec: 0, usec: 40000 }),
      true,
    );
    assertEquals(socket_get_option(a, SOL_SOCKET, SO_RCVTIMEO), { sec: 0, usec: 40000 });
    // 40 ms is a whole number of jiffies for HZ 100, 250 and 1000 (the kernel rounds).
    const started = performance.now();
    const { result } = captureWarnings(() => mod.socket_read(a, 10));
    assertStrictEquals(result, false);
    // EAGAIN on POSIX; Windows reports WSAETIMEDOUT.
    const expected = platform.os === "windows" ? consts.SOCKET_ETIMEDOUT : consts.SOCKET_EAGAIN;
    assertStrictEquals(socket_last_error(a), expected);
    assert(performance.now() - started >= 30, "the read waited for the timeout");
    closeAll(a, b);
  });
});

describe("credentials and descriptors", { skip: linuxOnly("SO_PEERCRED and SO_PEERPIDFD") }, () => {
  test("SO_PEERCRED gives this process's pid, uid and gid over a socketpair", () => {
    const [a, b] = unixPair();
    const cred = socket_get_option(a, SOL_SOCKET, SO_PEERCRED) as Record<string, number>;
    assertEquals(Object.keys(cred), ["pid", "uid", "gid"]);
    // A file this process creates is owned by its uid and gid (Deno needs
    // --allow-sys for process.getuid(), not for stat).
    const dir = tempDir();
    const file = join(dir.path, "owner");
    writeFileSync(file, "");
    const { uid, gid } = statSync(file);
    dir.cleanup();
    assertEquals(cred, { pid: process.pid, uid, gid });
    closeAll(a, b);
  });

  test("SO_PASSCRED is an integer option on Unix sockets", () => {
    const [a, b] = unixPair(SOCK_DGRAM);
    assertStrictEquals(socket_set_option(a, SOL_SOCKET, SO_PASSCRED, 1), true);
    assertStrictEquals(socket_get_option(a, SOL_SOCKET, SO_PASSCRED), 1);
    closeAll(a, b);
  });

  test("SO_PEERPIDFD hands back its new descriptor as a Socket, so nothing leaks", (t) => {
    const SO_PEERPIDFD = 77;
    const [a, b] = unixPair();
    const before = openDescriptors();
    const got = captureWarnings(() => socket_get_option(a, SOL_SOCKET, SO_PEERPIDFD));
    if (got.result === false) {
      closeAll(a, b);
      return t.skip("the kernel has no SO_PEERPIDFD (Linux < 6.5)");
    }
    assertInstanceOf(got.result, mod.Socket);
    assertStrictEquals(openDescriptors(), before + 1);
    socket_close(got.result as Socket);
    assertStrictEquals(openDescriptors(), before);
    closeAll(a, b);
  });
});

describe("SO_ATTACH_REUSEPORT_CBPF", { skip: linuxOnly("classic BPF") }, () => {
  test("SKF_AD_CPU and SKF_AD_QUEUE install PHP's program", () => {
    withSocket(AF_INET, SOCK_DGRAM, (s) => {
      assertStrictEquals(socket_set_option(s, SOL_SOCKET, consts.SO_REUSEPORT, 1), true);
      for (const k of [SKF_AD_CPU, SKF_AD_QUEUE]) {
        assertStrictEquals(socket_set_option(s, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, k), true);
      }
    });
  });

  test("0 sets SO_DETACH_BPF as PHP does: ENOENT when no socket filter is attached", () => {
    withSocket(AF_INET, SOCK_DGRAM, (s) => {
      const { result, warnings } = captureWarnings(() =>
        socket_set_option(s, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, 0)
      );
      assertStrictEquals(result, false);
      assertEquals(warnings, [
        "socket_set_option(): Unable to set socket option [2]: No such file or directory",
      ]);
    });
  });

  test("any other value warns Unsupported CBPF filter", () => {
    withSocket(AF_INET, SOCK_DGRAM, (s) => {
      const { result, warnings } = captureWarnings(() =>
        socket_set_option(s, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, 5)
      );
      assertStrictEquals(result, false);
      assertEquals(warnings, ["socket_set_option(): Unsupported CBPF filter"]);
    });
  });
});

describe("option errors", () => {
  test("a failing getsockopt stores the code on the socket and warns", {
    skip: linuxOnly("EOPNOTSUPP for TCP options on Unix sockets"),
  }, () => {
    withSocket(AF_UNIX, SOCK_STREAM, (s) => {
      const { result, warnings } = captureWarnings(() => socket_get_option(s, SOL_TCP, 1));
      assertStrictEquals(result, false);
      assertEquals(warnings, [
        "socket_get_option(): Unable to retrieve socket option [95]: Operation not supported",
      ]);
      assertStrictEquals(socket_last_error(s), 95);
    });
  });

  test("MCAST_JOIN_GROUP without a group throws PHP's ValueError without a prefix", () => {
    withSocket(AF_INET, SOCK_DGRAM, (s) => {
      const e = assertThrows(
        () => socket_set_option(s, IPPROTO_IP, MCAST_JOIN_GROUP, { interface: 1 }),
        ValueError,
      );
      assertStrictEquals(e.message, "No key \"group\" passed in optval");
    });
  });

  test("arguments are type-checked before the socket is used", () => {
    withSocket(AF_INET, SOCK_STREAM, (s) => {
      const loose = socket_get_option as (...a: unknown[]) => unknown;
      assertThrows(
        () => loose(s, SOL_SOCKET, "x"),
        TypeError,
        "socket_get_option(): Argument #3 ($option) must be of type int, string given",
      );
      assertThrows(
        () => loose(null, SOL_SOCKET, SO_TYPE),
        TypeError,
        "socket_get_option(): Argument #1 ($socket) must be of type Socket, null given",
      );
    });
  });
});
