/**
 * The shortcuts the hot paths take (shared data and address buffers, cached
 * encoded addresses, the native Latin-1 decoder, cheap 64-bit conversions)
 * must give exactly what the plain paths gave: these tests cross every
 * threshold and try to make one call's data show through in another's.
 */

import { spawnSync } from "node:child_process";
import process from "node:process";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { signedToNumber, toBigInt, unsignedToNumber } from "../ffi/_wide.ts";
import { runtime } from "../ffi/load.ts";
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  MSG_DONTWAIT,
  SOCK_DGRAM,
  socket_bind,
  socket_close,
  socket_create,
  SOCKET_EACCES,
  SOCKET_EAGAIN,
  socket_getsockname,
  socket_read,
  socket_recv,
  socket_recvfrom,
  socket_select,
  socket_send,
  socket_sendto,
  socket_write,
} from "../mod.ts";
import { platform } from "../platform/mod.ts";
import { bytesToString } from "../sockets/bytes.ts";
import { adoptDescriptor } from "../sockets/descriptors.ts";
import { scratchBuffer } from "../sockets/scratch.ts";
import {
  ALL_BYTES,
  closeAll,
  loopback,
  needsUnix,
  ok,
  phpWarning,
  portOf,
  tempDir,
  udpPair,
  unixPair,
} from "./_helpers.ts";
import { assertEquals, assertStrictEquals, assertThrows } from "./assert.ts";

/** Reads exactly `n` bytes from a stream socket as a byte string. */
function readExactly(s: Parameters<typeof socket_read>[0], n: number): string {
  let out = "";
  while (out.length < n) {
    const got = socket_read(s, n - out.length);
    if (got === false || got === "") throw new Error(`read ${out.length} of ${n} bytes`);
    out += got;
  }
  return out;
}

/** `n` bytes of every value, starting at `seed`. */
function pattern(n: number, seed: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += ALL_BYTES[(i * 7 + seed) & 0xff];
  return s;
}

describe("hot paths", () => {
  test("socket_write() and socket_send() send byte strings of every size exactly", {
    skip: needsUnix,
  }, () => {
    const [a, b] = unixPair();
    try {
      for (const n of [0, 1, 6, 7, 64, 65, 511, 512, 513, 1000, 65535, 65536, 65537, 200_000]) {
        const data = pattern(n, n);
        let sent = 0;
        // Bigger than the socket buffer: write in pieces, reading as we go.
        let got = "";
        while (sent < n || n === 0) {
          const w = socket_write(a, data.slice(sent, sent + 65536));
          if (w === false) throw new Error("socket_write failed");
          got += readExactly(b, w);
          sent += w;
          if (n === 0) break;
        }
        assertStrictEquals(got, data, `${n} bytes`);
        if (n <= 65536 && n > 0) {
          assertStrictEquals(socket_send(a, data, n, 0), n);
          assertStrictEquals(readExactly(b, n), data);
        }
      }
    } finally {
      closeAll(a, b);
    }
  });

  test("small typed arrays at an offset, and other views, are sent by their own bytes", {
    skip: needsUnix,
  }, () => {
    const [a, b] = unixPair();
    try {
      const backing = new Uint8Array(256).map((_, i) => i);
      for (const [from, to] of [[0, 1], [5, 9], [200, 264], [10, 75], [100, 256]]) {
        const view = backing.subarray(from, to);
        assertStrictEquals(socket_write(a, view), view.length);
        assertStrictEquals(readExactly(b, view.length), ALL_BYTES.slice(from, to));
      }
      assertStrictEquals(socket_write(a, new Uint16Array([0x4241, 0x4443])), 4);
      assertStrictEquals(readExactly(b, 4), "ABCD");
      // The caller's array is left as it was.
      assertEquals(Array.from(backing.subarray(0, 4)), [0, 1, 2, 3]);
    } finally {
      closeAll(a, b);
    }
  });

  test("a character above \\xFF is still refused, however long the string", {
    skip: needsUnix,
  }, () => {
    const [a, b] = unixPair();
    try {
      for (
        const data of [
          "\u0100",
          "x".repeat(100) + "\u20ac",
          "z".repeat(600) + "\u0102",
          "\u0103" + "z".repeat(600),
          "y".repeat(70_000) + "\u0101",
        ]
      ) {
        assertThrows(
          () => socket_write(a, data),
          TypeError,
          "socket_write(): Argument #2 ($data) must be a byte string",
        );
      }
      assertStrictEquals(socket_write(a, "after"), 5);
      assertStrictEquals(socket_read(b, 100, 0), "after");
    } finally {
      closeAll(a, b);
    }
  });

  test("received byte strings of every length around the decoder thresholds are exact", {
    skip: needsUnix,
  }, () => {
    const [a, b] = unixPair();
    const ref = { value: null as string | null };
    try {
      for (const n of [1, 2, 5, 6, 7, 8, 16, 255, 256, 4096, 5000, 65536]) {
        const data = pattern(n, 3 * n);
        socket_write(a, data);
        const got = n % 2 ? readExactly(b, n) : (() => {
          let s = "";
          while (s.length < n) {
            socket_recv(b, ref, n - s.length, 0);
            s += ref.value!;
          }
          return s;
        })();
        assertStrictEquals(got, data, `${n} bytes`);
      }
    } finally {
      closeAll(a, b);
    }
  });

  test("scratch buffers start 512 bytes into a 1 KiB block, whatever the allocator gave", () => {
    for (const size of [1, 4096, 65536, 100_000]) {
      const buf = scratchBuffer(size);
      assertStrictEquals(buf.length, size);
      assertStrictEquals(runtime.addressOf(buf) % 1024n, 512n, `${size} bytes`);
      assertStrictEquals(buf.every((b) => b === 0), true);
    }
  });

  test(
    "socket_write() still writes to a descriptor that is not a socket (received with SCM_RIGHTS)",
    {
      skip: platform.os === "windows" ? "no pipes through Winsock" : false,
    },
    () => {
      // socket_write() calls send() on sockets; a pipe needs write().
      const libc = runtime.open({
        paths: platform.libraries,
        symbols: {
          pipe: { parameters: ["buffer"], result: "i32" },
          read: { parameters: ["i32", "buffer", "usize"], result: "isize" },
          close: { parameters: ["i32"], result: "i32" },
          [platform.errnoSymbol]: { parameters: [], result: "pointer" },
        },
        lastError: { symbol: platform.errnoSymbol, via: "location" },
      });
      const fds = new Int32Array(2);
      assertStrictEquals(libc.fn.pipe(new Uint8Array(fds.buffer)), 0);
      const writer = adoptDescriptor(fds[1]);
      if (typeof writer === "string") throw new Error(writer);
      try {
        assertStrictEquals(socket_write(writer, "through a pipe"), 14);
        assertStrictEquals(socket_write(writer, pattern(600, 1)), 600);
        const got = new Uint8Array(1000);
        const n = Number(libc.fn.read(fds[0], got, 1000));
        assertStrictEquals(bytesToString(got.subarray(0, n)), "through a pipe" + pattern(600, 1));
      } finally {
        socket_close(writer);
        libc.fn.close(fds[0]);
      }
    },
  );

  for (const family of [AF_INET, AF_INET6]) {
    const name = family === AF_INET ? "IPv4" : "IPv6";
    test(`socket_sendto() reaches each ${name} port, also when the address repeats`, () => {
      const [a, b] = udpPair(family);
      const c = ok(socket_create(family, SOCK_DGRAM, 0));
      try {
        if (!socket_bind(c, loopback(family), 0)) throw new Error("bind failed");
        const ports = [portOf(b), portOf(c)];
        const data = { value: "" }, from = { value: "" }, port = { value: 0 };
        for (let i = 0; i < 6; i++) {
          const to = ports[i % 2];
          const msg = `datagram ${i}`;
          assertStrictEquals(
            socket_sendto(a, msg, msg.length, 0, loopback(family), to),
            msg.length,
          );
          const rx = i % 2 ? c : b;
          assertStrictEquals(socket_recvfrom(rx, data, 100, 0, from, port), msg.length);
          assertStrictEquals(data.value, msg);
          assertStrictEquals(from.value, loopback(family));
          assertStrictEquals(port.value, portOf(a));
        }
      } finally {
        closeAll(a, b, c);
      }
    });
  }

  test("socket_recvfrom() reports each sender's own address, none from an earlier call", {
    skip: needsUnix,
  }, () => {
    const dir = tempDir();
    const rx = ok(socket_create(AF_UNIX, SOCK_DGRAM, 0));
    const named = ok(socket_create(AF_UNIX, SOCK_DGRAM, 0));
    const unnamed = ok(socket_create(AF_UNIX, SOCK_DGRAM, 0));
    try {
      const path = `${dir.path}/rx.sock`;
      const senderPath = `${dir.path}/a-rather-long-sender-name.sock`;
      socket_bind(rx, path);
      socket_bind(named, senderPath);
      const data = { value: "" }, from = { value: "?" };
      for (const [s, expected] of [[named, senderPath], [unnamed, ""], [named, senderPath]]) {
        socket_sendto(s as typeof rx, "x", 1, 0, path);
        socket_recvfrom(rx, data, 10, MSG_DONTWAIT, from);
        assertStrictEquals(from.value, expected);
      }
      const name = { value: "" };
      socket_getsockname(unnamed, name);
      assertStrictEquals(name.value, "");
    } finally {
      closeAll(rx, named, unnamed);
      dir.cleanup();
    }
  });

  test("socket_select() counts a socket listed twice, or in two sets, as before", {
    skip: needsUnix,
  }, () => {
    const [a, b] = unixPair();
    const [c, d] = unixPair();
    try {
      socket_write(a, "x");
      // One set (the pollfd list is the set itself): b twice, d not ready.
      let read: typeof a[] = [b, d, b];
      assertStrictEquals(socket_select(read, null, null, 0), 1);
      assertEquals(read, [b, b]);
      const keyed: Record<string, typeof a> = { first: d, second: b, third: b };
      assertStrictEquals(socket_select(keyed, null, null, 0), 1);
      assertEquals(Object.keys(keyed), ["second", "third"]);
      // Two sets (merged per descriptor): b readable and writable, c writable.
      read = [b, c];
      const write = [b, c, b];
      assertStrictEquals(socket_select(read, write, [], 0), 3);
      assertEquals(read, [b]);
      assertEquals(write, [b, c, b]);
      // An empty set beside a non-empty one.
      read = [d];
      assertStrictEquals(socket_select(read, [], null, 0), 0);
      assertEquals(read, []);
    } finally {
      closeAll(a, b, c, d);
    }
  });

  for (
    const [how, what] of [
      ["sync", "revokeSync() in the same job"],
      ["async", "await revoke()"],
      ["captured", "a revokeSync taken from Deno.permissions before the first send"],
      ["worker", "a worker's revokeSync() (workers share the grants)"],
    ]
  ) {
    test(`Deno: a net permission revoked by ${what} takes effect on the next socket_sendto()`, {
      skip: (globalThis as { Deno?: unknown }).Deno ? false : "Bun has no permission system",
    }, () => {
      const probe = fileURLToPath(new URL("./fixtures/revoke_probe.ts", import.meta.url).href);
      const deno = (globalThis as unknown as { Deno: typeof Deno }).Deno;
      const child = spawnSync(
        deno.execPath(),
        ["run", "--no-prompt", "--allow-ffi", "--allow-net=127.0.0.1", "--allow-read", probe, how],
        { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
      );
      assertEquals(child.stdout.trimEnd().split("\n"), [
        "before: 4 4",
        `after: false ${SOCKET_EACCES} ${
          phpWarning("socket_sendto", "Unable to write to socket", SOCKET_EACCES)
        } (Deno: this needs --allow-net=127.0.0.1:PORT)`,
      ], child.stderr);
    });
  }
});

test("Deno: where code generation from strings is disallowed, the FFI wrappers still work", {
  skip: (globalThis as { Deno?: unknown }).Deno ? false : "the V8 flag is Deno's",
}, () => {
  const probe = fileURLToPath(new URL("./fixtures/no_codegen_probe.ts", import.meta.url).href);
  const deno = (globalThis as unknown as { Deno: typeof Deno }).Deno;
  const child = spawnSync(deno.execPath(), [
    "run",
    "--allow-ffi",
    "--v8-flags=--disallow-code-generation-from-strings",
    probe,
  ], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  assertEquals(child.stdout.trimEnd().split("\n"), [
    "read: hello",
    `recv: false ${SOCKET_EAGAIN}`,
  ], child.stderr);
});

describe("64-bit conversions of the Deno adapter", () => {
  test("toBigInt() gives BigInt(n) for every number, also when slots collide", () => {
    const values = [
      0,
      -0,
      1,
      -1,
      255,
      256,
      511,
      65536,
      2 ** 31,
      -(2 ** 31),
      2 ** 53 - 1,
      -(2 ** 40),
    ];
    for (const n of [...values, ...values.map((v) => v + 256), ...values]) {
      assertStrictEquals(toBigInt(n), BigInt(n), String(n));
    }
    assertStrictEquals(toBigInt(7n), 7n);
    for (const bad of [1.5, NaN, Infinity]) assertThrows(() => toBigInt(bad), RangeError);
  });

  test("signedToNumber() and unsignedToNumber() give Number(v) across the 32-bit edges", () => {
    const signed = [
      0n,
      1n,
      -1n,
      2n ** 31n - 1n,
      -(2n ** 31n),
      2n ** 31n,
      -(2n ** 31n) - 1n,
      2n ** 32n,
    ];
    for (const v of [...signed, 2n ** 53n, -(2n ** 53n), 2n ** 63n - 1n, -(2n ** 63n)]) {
      assertStrictEquals(signedToNumber(v), Number(v), String(v));
    }
    for (const v of [0n, 1n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 63n, 2n ** 64n - 1n]) {
      assertStrictEquals(unsignedToNumber(v), Number(v), String(v));
    }
    assertStrictEquals(signedToNumber(-5), -5);
    assertStrictEquals(unsignedToNumber(5), 5);
  });
});
