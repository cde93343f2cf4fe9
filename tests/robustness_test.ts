/**
 * Robustness: error codes read right under allocation pressure, no leaked
 * descriptors, finalizers, EPIPE, closed sockets, wrong argument types, huge
 * lengths and stale bytes.
 *
 * @module
 */

import { describe, test } from "node:test";
import v8 from "node:v8";
import vm from "node:vm";
import {
  AddressInfo,
  AF_INET,
  SOCK_DGRAM,
  SOCK_STREAM,
  Socket,
  socket_accept,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_connect,
  socket_create,
  SOCKET_EAGAIN,
  SOCKET_EOPNOTSUPP,
  SOCKET_EPIPE,
  socket_getpeername,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_recv,
  socket_recvfrom,
  socket_select,
  socket_send,
  socket_sendto,
  socket_set_block,
  socket_set_nonblock,
  socket_shutdown,
  socket_write,
  withoutWarnings,
} from "../mod.ts";
import { platform } from "../platform/mod.ts";
import {
  captureWarnings,
  closeAll,
  countsDescriptors,
  localPair,
  needsUnix,
  ok,
  openDescriptors,
  tcpPair,
  unixPair,
} from "./_helpers.ts";
import { assert, assertEquals, assertFalse, assertStrictEquals, assertThrows } from "./assert.ts";

/** A receive that does not wait: false (SOCKET_EAGAIN) when nothing is queued. */
function recvNow(s: Socket, ref: { value: string | null }): number | false {
  socket_set_nonblock(s);
  try {
    return socket_recv(s, ref, 100, 0);
  } finally {
    socket_set_block(s);
  }
}

/** A connected AF_UNIX pair. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A function that forces a full garbage collection, or null: `gc()` when
 * exposed, `Bun.gc(true)`, or V8's `gc` exposed through node:v8 and node:vm.
 */
function findGc(): (() => void) | null {
  const g = globalThis as { gc?: () => void; Bun?: { gc(force: boolean): void } };
  if (typeof g.gc === "function") return () => g.gc!();
  if (g.Bun && typeof g.Bun.gc === "function") return () => g.Bun!.gc(true);
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc: unknown = vm.runInNewContext("gc");
    if (typeof gc === "function") return gc as () => void;
  } catch {
    // not available in this runtime
  }
  return null;
}

describe("error codes", () => {
  test("socket_last_error is exact over 100,000 failing calls with garbage made in between", {
    timeout: 120_000, // seconds under Wine
  }, () => {
    const [a, b] = localPair();
    const dgram = ok(socket_create(AF_INET, SOCK_DGRAM, 0));
    socket_set_nonblock(a);
    try {
      const data = { value: null as string | null };
      const ring: unknown[] = new Array(256);
      let wrong = 0;
      let first = "";
      withoutWarnings(() => {
        for (let i = 0; i < 100_000; i++) {
          const expected = i % 2 === 0 ? SOCKET_EAGAIN : SOCKET_EOPNOTSUPP;
          const result = i % 2 === 0
            ? socket_recv(a, data, 16, 0)
            : socket_listen(dgram);
          const code = socket_last_error();
          if (result !== false || code !== expected) {
            if (wrong++ === 0) {
              first = `call ${i}: result ${result}, code ${code}, want ${expected}`;
            }
          }
          // Garbage: short-lived objects and strings, some kept a while, a big buffer now and then.
          const junk = new Array(64);
          for (let k = 0; k < 64; k++) junk[k] = { k, s: `junk-${i}-${k}` };
          ring[i & 255] = junk;
          if (i % 1000 === 0) ring[(i >> 10) & 255] = new Uint8Array(1 << 20);
        }
      });
      assertStrictEquals(wrong, 0, `${wrong} wrong codes, first: ${first}`);
      assertStrictEquals(socket_last_error(a), SOCKET_EAGAIN);
      assertStrictEquals(socket_last_error(dgram), SOCKET_EOPNOTSUPP);
    } finally {
      closeAll(a, b, dgram);
      socket_clear_error();
    }
  });
});

describe("descriptors", () => {
  const CYCLES: [string, number, () => void][] = [
    [
      "socket_create + socket_close",
      10_000,
      () => socket_close(ok(socket_create(AF_INET, SOCK_STREAM, 0))),
    ],
    ["socket_create_pair", 1_000, () => closeAll(...localPair())],
    ["TCP listen/connect/accept", 1_000, () => closeAll(...tcpPair(AF_INET))],
  ];
  for (const [what, count, cycle] of CYCLES) {
    test(`${count.toLocaleString("en")} ${what} cycles leave the descriptor count unchanged`, {
      skip: countsDescriptors,
    }, () => {
      const before = openDescriptors();
      for (let i = 0; i < count; i++) cycle();
      assertStrictEquals(openDescriptors(), before);
    });
  }

  const gc = findGc();
  test(
    "sockets dropped without socket_close are closed by the finalizer after GC",
    { skip: gc ? countsDescriptors : "this runtime cannot force a garbage collection" },
    async () => {
      const before = openDescriptors();
      (() => {
        for (let i = 0; i < 2_000; i++) ok(socket_create(AF_INET, SOCK_STREAM, 0));
      })();
      assert(openDescriptors() >= before + 2_000, "the sockets were opened");
      const deadline = performance.now() + 2_000;
      while (openDescriptors() > before && performance.now() < deadline) {
        gc!();
        await sleep(10);
      }
      assertStrictEquals(openDescriptors(), before);
    },
  );
});

describe("EPIPE", () => {
  // Windows has no SIGPIPE and no EPIPE for sockets (it reports WSAECONNRESET).
  const sigpipe = platform.noSigpipe === "none" ? "the platform has no SIGPIPE/EPIPE" : false;

  test("socket_write/socket_send to a socketpair whose peer closed fail with [32] Broken pipe", {
    skip: sigpipe || needsUnix,
  }, () => {
    const [a, b] = unixPair();
    socket_close(b);
    try {
      const w = captureWarnings(() => socket_write(a, "data"));
      assertStrictEquals(w.result, false);
      assertEquals(w.warnings, ["socket_write(): unable to write to socket [32]: Broken pipe"]);
      assertStrictEquals(socket_last_error(a), SOCKET_EPIPE);
      const s = captureWarnings(() => socket_send(a, "data", 4, 0));
      assertStrictEquals(s.result, false);
      assertEquals(s.warnings, ["socket_send(): Unable to write to socket [32]: Broken pipe"]);
    } finally {
      closeAll(a);
    }
  });

  test("socket_write to a TCP socket whose peer closed ends in [32] Broken pipe, process alive", {
    skip: sigpipe,
  }, async () => {
    const [client, accepted] = tcpPair(AF_INET);
    socket_close(accepted);
    try {
      let warnings: string[] = [];
      let result: number | false = 0;
      for (let i = 0; i < 50 && result !== false; i++) {
        ({ result, warnings } = captureWarnings(() => socket_write(client, "data")));
        if (result !== false) await sleep(2);
      }
      assertStrictEquals(result, false);
      assertEquals(warnings, ["socket_write(): unable to write to socket [32]: Broken pipe"]);
      const s = captureWarnings(() => socket_send(client, "data", 4, 0));
      assertStrictEquals(s.result, false);
      assertEquals(s.warnings, ["socket_send(): Unable to write to socket [32]: Broken pipe"]);
      assertStrictEquals(socket_last_error(client), SOCKET_EPIPE);
    } finally {
      closeAll(client);
    }
  });
});

describe("closed sockets", () => {
  const ref = () => ({ value: "" as string | null });
  const CALLS: [string, (s: Socket) => unknown][] = [
    ["socket_accept", (s) => socket_accept(s)],
    ["socket_bind", (s) => socket_bind(s, "/nonexistent/x.sock")],
    ["socket_clear_error", (s) => socket_clear_error(s)],
    ["socket_close", (s) => socket_close(s)],
    ["socket_connect", (s) => socket_connect(s, "/nonexistent/x.sock")],
    ["socket_getpeername", (s) => socket_getpeername(s, { value: "" })],
    ["socket_getsockname", (s) => socket_getsockname(s, { value: "" })],
    ["socket_last_error", (s) => socket_last_error(s)],
    ["socket_listen", (s) => socket_listen(s)],
    ["socket_read", (s) => socket_read(s, 10)],
    ["socket_recv", (s) => socket_recv(s, ref(), 10, 0)],
    ["socket_recvfrom", (s) => socket_recvfrom(s, { value: "" }, 10, 0, { value: "" })],
    ["socket_send", (s) => socket_send(s, "x", 1, 0)],
    ["socket_sendto", (s) => socket_sendto(s, "x", 1, 0, "/nonexistent/x.sock")],
    ["socket_set_block", (s) => socket_set_block(s)],
    ["socket_set_nonblock", (s) => socket_set_nonblock(s)],
    ["socket_shutdown", (s) => socket_shutdown(s)],
    ["socket_write", (s) => socket_write(s, "x")],
  ];

  test("every function taking a Socket throws Error after socket_close, unsafeHandle is -1", () => {
    const s = ok(socket_create(AF_INET, SOCK_STREAM, 0));
    assert(s.unsafeHandle >= 0);
    socket_close(s);
    assertStrictEquals(s.unsafeHandle, -1);
    for (const [name, call] of CALLS) {
      const e = assertThrows(() => call(s), Error, undefined, name);
      assertStrictEquals(e.constructor, Error, `${name} throws Error itself`);
      assertStrictEquals(e.message, `${name}(): Argument #1 ($socket) has already been closed`);
    }
  });

  test("a closed Socket never reaches a new socket that reused its descriptor number", {
    skip: needsUnix, // socketpair() takes two numbers at once, so the reuse is certain
  }, () => {
    const [a0, a1] = unixPair();
    const fd = a0.unsafeHandle;
    socket_close(a0);
    socket_close(a1);
    const [b0, b1] = unixPair();
    try {
      assert(b0.unsafeHandle === fd || b1.unsafeHandle === fd, "the descriptor number was reused");
      assertThrows(() => socket_write(a0, "stray"), Error, "has already been closed");
      assertThrows(() => socket_read(a0, 10), Error, "has already been closed");
      assertThrows(
        () => socket_close(a0),
        Error,
        "socket_close(): Argument #1 ($socket) has already been closed",
      );
      assertStrictEquals(socket_write(b0, "hi"), 2);
      assertStrictEquals(socket_read(b1, 100), "hi");
      assertStrictEquals(socket_write(b1, "ho"), 2);
      assertStrictEquals(socket_read(b0, 100), "ho");
      const extra = { value: null as string | null };
      assertFalse(recvNow(b0, extra), "nothing stray arrived");
      assertFalse(recvNow(b1, extra), "nothing stray arrived");
    } finally {
      closeAll(b0, b1);
    }
  });
});

describe("invalid arguments", () => {
  test("wrong argument types throw PHP's TypeError", () => {
    const [a, b] = localPair();
    try {
      assertThrows(
        () => socket_write("x" as never, "y"),
        TypeError,
        "socket_write(): Argument #1 ($socket) must be of type Socket, string given",
      );
      assertThrows(
        () => socket_read(a, "10" as never),
        TypeError,
        "socket_read(): Argument #2 ($length) must be of type int, string given",
      );
      assertThrows(
        () => socket_read(a, 1.5),
        TypeError,
        "socket_read(): Argument #2 ($length) must be of type int, float given",
      );
      const e = assertThrows(
        () => socket_write(a, "ok\u0100"),
        TypeError,
        "socket_write(): Argument #2 ($data)",
      );
      assert(e.message.includes("byte string"), e.message);
      const nothing = { value: null as string | null };
      assertFalse(recvNow(b, nothing), "nothing was written");
    } finally {
      closeAll(a, b);
    }
  });

  test("a float for a ?int parameter names the nullable type, as PHP does", () => {
    const [a, b] = localPair();
    const u = ok(socket_create(AF_INET, SOCK_DGRAM, 0));
    try {
      const cases: [() => unknown, string][] = [
        [() => socket_write(a, "x", 1.5), "socket_write(): Argument #3 ($length)"],
        [() => socket_connect(u, "127.0.0.1", 1.5), "socket_connect(): Argument #3 ($port)"],
        [
          () => socket_sendto(u, "x", 1, 0, "127.0.0.1", 1.5),
          "socket_sendto(): Argument #6 ($port)",
        ],
        [() => socket_select([a], null, null, 0.5), "socket_select(): Argument #4 ($seconds)"],
      ];
      for (const [call, argument] of cases) {
        assertThrows(call, TypeError, `${argument} must be of type ?int, float given`);
      }
      assertStrictEquals(socket_select([b], null, null, 0), 0, "nothing was written");
    } finally {
      closeAll(a, b, u);
    }
  });

  test("Socket and AddressInfo cannot be constructed or subclassed", () => {
    const msg = "Cannot directly construct Socket, use socket_create() instead";
    const e = assertThrows(() => new Socket(), Error, msg);
    assertStrictEquals(e.message, msg);
    class X extends Socket {}
    assertThrows(() => new X(), Error, msg);
    assertThrows(
      () => new AddressInfo(),
      Error,
      "Cannot directly construct AddressInfo, use socket_addrinfo_lookup() instead",
    );
  });
});

describe("lengths and buffers", () => {
  test(
    "a huge length returns the bytes pending: socket_read(MAX_SAFE_INTEGER), socket_recv(2**40)",
    {
      timeout: 60_000, // a 1 GiB buffer takes seconds under Wine
    },
    () => {
      const [a, b] = localPair();
      try {
        socket_write(a, "hello");
        assertStrictEquals(socket_read(b, Number.MAX_SAFE_INTEGER), "hello");
        socket_write(a, "world");
        const got = { value: null as string | null };
        assertStrictEquals(socket_recv(b, got, 2 ** 40, 0), 5);
        assertStrictEquals(got.value, "world");
      } finally {
        closeAll(a, b);
      }
    },
  );

  for (const [name, type] of [["SOCK_STREAM", SOCK_STREAM], ["SOCK_DGRAM", SOCK_DGRAM]] as const) {
    test(`${name}: a short read after a long one holds only the new bytes`, () => {
      const [a, b] = localPair(type);
      try {
        socket_write(a, "L".repeat(100));
        assertStrictEquals(socket_read(b, 100), "L".repeat(100));
        socket_write(a, "abc");
        assertStrictEquals(socket_read(b, 100), "abc");
        socket_write(a, "de");
        const got = { value: null as string | null };
        assertStrictEquals(socket_recv(b, got, 100, 0), 2);
        assertStrictEquals(got.value, "de");
      } finally {
        closeAll(a, b);
      }
    });
  }
});
