/**
 * socket_sendmsg / socket_recvmsg: SCM_RIGHTS with 1, 2 and 3 sockets and
 * every received socket used, a socket handed to a child process, control
 * data truncation (MSG_CTRUNC) without descriptor leaks, MSG_TRUNC, IPv6
 * ancillary data, credentials, and Deno's permissions for `name`.
 * (PHP's exact messages and conversions are in the conformance twins.)
 *
 * @module
 */

import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import process from "node:process";
import { describe, test } from "node:test";
import { runtime } from "../ffi/load.ts";
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  IPPROTO_IPV6,
  IPV6_HOPLIMIT,
  IPV6_PKTINFO,
  IPV6_RECVHOPLIMIT,
  IPV6_RECVPKTINFO,
  IPV6_RECVTCLASS,
  IPV6_TCLASS,
  MSG_CTRUNC,
  MSG_DONTWAIT,
  MSG_TRUNC,
  type RecvMessage,
  SCM_CREDENTIALS,
  SCM_RIGHTS,
  SO_PASSCRED,
  SOCK_DGRAM,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_cmsg_space,
  socket_connect,
  socket_create,
  SOCKET_EAGAIN,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_recvfrom,
  socket_recvmsg,
  socket_sendmsg,
  socket_sendto,
  socket_set_nonblock,
  socket_write,
  SOL_SOCKET,
  stringToBytes,
} from "../mod.ts";
import { platform, Ready, sys } from "../platform/mod.ts";
import {
  captureWarnings,
  closeAll,
  ok,
  openDescriptors,
  portOf,
  tcpListener,
  tcpPair,
  tempDir,
  udpPair,
  unixPair,
} from "./_helpers.ts";
import { assert, assertEquals, assertFalse, assertStrictEquals, assertThrows } from "./assert.ts";

const deno = (globalThis as { Deno?: typeof Deno }).Deno;

/** Sets an int socket option; socket_set_option arrives with issue #3. */
function setIntOption(s: Socket, level: number, name: number, value: number): void {
  const v = new Int32Array([value]);
  const r = sys().setsockopt(s.unsafeHandle, level, name, new Uint8Array(v.buffer), 4);
  assertStrictEquals(r, 0, `setsockopt(${level}, ${name}) failed`);
}

/** Sends `sockets` with SCM_RIGHTS over `via`. */
function sendRights(via: Socket, sockets: Socket[], data = "x"): number | false {
  return socket_sendmsg(via, {
    iov: [data],
    control: [{ level: SOL_SOCKET, type: SCM_RIGHTS, data: sockets }],
  });
}

/** Receives a message with room for `count` descriptors (or `controllen`). */
function receive(
  via: Socket,
  controllen: number,
  flags = 0,
): RecvMessage & { result: number | false } {
  const message: RecvMessage = { controllen };
  const result = socket_recvmsg(via, message, flags);
  return Object.assign(message, { result });
}

/** The Sockets of the first SCM_RIGHTS element of a received message. */
function receivedSockets(message: RecvMessage): Socket[] {
  const rights = (message.control ?? []).filter((c) =>
    c.level === SOL_SOCKET && c.type === SCM_RIGHTS
  );
  return rights.flatMap((c) => c.data as Socket[]);
}

/** Asserts `a` and `b` are connected to each other both ways. */
function assertConnected(a: Socket, b: Socket, label: string): void {
  assertStrictEquals(socket_write(a, `${label} a->b`), label.length + 5);
  assertStrictEquals(socket_read(b, 100), `${label} a->b`);
  assertStrictEquals(socket_write(b, `${label} b->a`), label.length + 5);
  assertStrictEquals(socket_read(a, 100), `${label} b->a`);
}

/** Runs `fn` and asserts the process has as many descriptors afterwards. */
function noLeak(fn: () => void): void {
  const before = openDescriptors();
  fn();
  assertStrictEquals(openDescriptors(), before, "open descriptors before and after");
}

describe("SCM_RIGHTS", () => {
  for (const count of [1, 2, 3]) {
    for (
      const [typeName, type] of [["SOCK_DGRAM", SOCK_DGRAM], ["SOCK_STREAM", SOCK_STREAM]] as const
    ) {
      test(`socket_sendmsg() passes ${count} socket(s) over a ${typeName} pair, each usable`, () => {
        noLeak(() => {
          const [via, to] = unixPair(type);
          const pairs = Array.from({ length: count }, () => unixPair());
          const sent = pairs.map(([a]) => a);
          assertStrictEquals(sendRights(via, sent, "rights"), 6);
          const message = receive(to, socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, count));
          assertStrictEquals(message.result, 6);
          assertEquals(message.iov, ["rights"]);
          assertStrictEquals(message.flags, 0);
          const got = receivedSockets(message);
          assertStrictEquals(got.length, count);
          got.forEach((s, i) => {
            assert(s instanceof Socket);
            assert(s.unsafeHandle !== sent[i].unsafeHandle, "a new descriptor");
            // The received socket is sent[i]: talking through it reaches pairs[i][1].
            assertConnected(s, pairs[i][1], `#${i}`);
          });
          // It stays usable after the original is closed.
          closeAll(...sent);
          got.forEach((s, i) => assertConnected(s, pairs[i][1], `after close #${i}`));
          closeAll(via, to, ...got, ...pairs.map(([, b]) => b));
        });
      });
    }
  }

  test("received sockets keep their family, type and non-blocking mode", () => {
    noLeak(() => {
      const [via, to] = unixPair(SOCK_DGRAM);
      const [udp, peer] = udpPair(AF_INET);
      const listener = tcpListener(AF_INET6);
      socket_set_nonblock(listener);
      assertStrictEquals(sendRights(via, [udp, listener]), 1);
      const [udp2, listener2] = receivedSockets(receive(to, 64));
      // A UDP socket: sendto works through the copy, and getsockname gives the port.
      const address = { value: "" };
      const port = { value: 0 };
      assert(socket_getsockname(udp2, address, port));
      assertEquals([address.value, port.value], ["127.0.0.1", portOf(udp)]);
      assertStrictEquals(socket_sendto(udp2, "dgram", 5, 0, "127.0.0.1", portOf(peer)), 5);
      const data = { value: "" };
      const from = { value: "" };
      const fromPort = { value: 0 };
      assertStrictEquals(socket_recvfrom(peer, data, 100, 0, from, fromPort), 5);
      assertEquals([data.value, fromPort.value], ["dgram", portOf(udp)]);
      // A non-blocking IPv6 listener: accept has nothing yet, then a client.
      assertFalse(socket_accept(listener2));
      assertStrictEquals(socket_last_error(), SOCKET_EAGAIN);
      const client = ok(socket_create(AF_INET6, SOCK_STREAM, 0));
      assert(socket_connect(client, "::1", portOf(listener)));
      const served = ok(socket_accept(listener2));
      assertConnected(client, served, "v6");
      closeAll(via, to, udp, peer, listener, udp2, listener2, client, served);
    });
  });

  test("a socket handed to a child process serves a request there", async () => {
    const dir = tempDir();
    const path = join(dir.path, "handoff.sock");
    const handoffListener = ok(socket_create(AF_UNIX, SOCK_STREAM, 0));
    const server = tcpListener(AF_INET);
    const client = ok(socket_create(AF_INET, SOCK_STREAM, 0));
    try {
      assert(socket_bind(handoffListener, path) && socket_listen(handoffListener, 1));
      assert(socket_connect(client, "127.0.0.1", portOf(server)));
      const conn = ok(socket_accept(server));
      const fixture = new URL("./fixtures/rights_child.ts", import.meta.url).pathname;
      const [command, args] = deno
        ? [deno.execPath(), [
          "run",
          "--allow-ffi",
          "--allow-read",
          `--allow-write=${dir.path}`,
          fixture,
          path,
        ]]
        : [process.execPath, [fixture, path]];
      const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout!.on("data", (chunk) => output += chunk);
      child.stderr!.on("data", (chunk) => output += chunk);
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));

      // Wait (blocking, with a deadline) for the child to connect, then hand over.
      const revents = new Uint16Array(1);
      const ready = sys().poll([handoffListener.unsafeHandle], [Ready.In], revents, 30_000);
      assertStrictEquals(ready, 1, "the child connected");
      const handoff = ok(socket_accept(handoffListener));
      assertStrictEquals(sendRights(handoff, [conn], "!"), 1);
      socket_close(conn);
      socket_close(handoff);

      assertStrictEquals(socket_write(client, "GET /hello\n"), 11);
      let response = "";
      for (let chunk = socket_read(client, 1024); chunk; chunk = socket_read(client, 1024)) {
        response += chunk;
      }
      assertStrictEquals(response, "served by the child: GET /hello\n");
      assertStrictEquals(await exited, 0, output);
      assertStrictEquals(output.trim(), `served "GET /hello\\n" (handoff byte ["!"])`);
    } finally {
      closeAll(handoffListener, server, client);
      dir.cleanup();
    }
  });

  test("socket_sendmsg() with a closed socket in the list sends nothing", () => {
    const [via, to] = unixPair(SOCK_DGRAM);
    const closed = ok(socket_create(AF_UNIX, SOCK_STREAM, 0));
    socket_close(closed);
    const { result, warnings } = captureWarnings(() => sendRights(via, [via, closed]));
    assertFalse(result);
    assertEquals(warnings, [
      "socket_sendmsg(): error converting user data (path: msghdr > control > element #0 > data > element #2): socket is already closed",
    ]);
    assertFalse(captureWarnings(() => socket_recvmsg(to, { controllen: 64 }, MSG_DONTWAIT)).result);
    closeAll(via, to);
  });
});

describe("truncated control data", () => {
  test("MSG_CTRUNC: the descriptors that fit arrive, the others are not leaked", () => {
    noLeak(() => {
      const [via, to] = unixPair(SOCK_DGRAM);
      const pairs = [unixPair(), unixPair(), unixPair()];
      // CMSG_SPACE(4) has room for two ints on 64-bit Linux (8-byte alignment).
      const room = socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 1);
      const fits = Math.floor((room - platform.cmsg.dataOffset) / 4);
      assertStrictEquals(sendRights(via, pairs.map(([a]) => a)), 1);
      const message = receive(to, room);
      assertStrictEquals(message.result, 1);
      assertStrictEquals((message.flags ?? 0) & MSG_CTRUNC, MSG_CTRUNC);
      const got = receivedSockets(message);
      assertStrictEquals(got.length, fits);
      got.forEach((s, i) => assertConnected(s, pairs[i][1], `fit #${i}`));
      closeAll(via, to, ...got, ...pairs.flat());
    });
  });

  test("MSG_CTRUNC with no room for a header: no control data, no descriptors", () => {
    noLeak(() => {
      const [via, to] = unixPair(SOCK_DGRAM);
      const [a, b] = unixPair();
      assertStrictEquals(sendRights(via, [a, b]), 1);
      const message = receive(to, 1);
      assertEquals([message.result, message.control, message.flags], [1, [], MSG_CTRUNC]);
      closeAll(via, to, a, b);
    });
  });

  test("descriptors in a last control message the cmsg walk skips are closed", () => {
    noLeak(() => {
      const [via, to] = unixPair(SOCK_DGRAM);
      setIntOption(to, SOL_SOCKET, SO_PASSCRED, 1);
      const [a, b] = unixPair();
      assertStrictEquals(sendRights(via, [a]), 1);
      // Credentials first, then SCM_RIGHTS with room for its one descriptor
      // but not for its padding: the kernel installs the descriptor, but
      // CMSG_NXTHDR does not reach it, so PHP lists only the credentials.
      const controllen = socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS) + platform.cmsg.dataOffset
        + 4;
      const message = receive(to, controllen);
      assertStrictEquals(message.result, 1);
      assertEquals(message.control?.map((c) => c.type), [SCM_CREDENTIALS]);
      closeAll(via, to, a, b);
    });
  });

  test("after an unsupported control message, received descriptors are closed and the message emptied", () => {
    noLeak(() => {
      const [via, to] = unixPair(SOCK_DGRAM);
      // SO_TIMESTAMP adds an SCM_TIMESTAMP message, which PHP does not support.
      setIntOption(to, SOL_SOCKET, platform.native.SO_TIMESTAMP, 1);
      const [a, b] = unixPair();
      assertStrictEquals(sendRights(via, [a, b]), 1);
      const message: RecvMessage = { controllen: 256 };
      const { result, warnings } = captureWarnings(() => socket_recvmsg(to, message));
      assertStrictEquals(result, 1);
      assertEquals(warnings, [
        `socket_recvmsg(): error converting native data (path: msghdr > control > element #1 > data): cmsghdr with level ${SOL_SOCKET} and type ${platform.native.SCM_TIMESTAMP} not supported`,
      ]);
      assertEquals(message, {});
      closeAll(via, to, a, b);
    });
  });

  test("a cut credentials message empties the message and leaks nothing", () => {
    noLeak(() => {
      const [via, to] = unixPair(SOCK_DGRAM);
      setIntOption(to, SOL_SOCKET, SO_PASSCRED, 1);
      const [a, peer] = unixPair();
      const b = ok(socket_create(AF_UNIX, SOCK_STREAM, 0));
      assertStrictEquals(sendRights(via, [a, b]), 1);
      const message: RecvMessage = { controllen: platform.cmsg.dataOffset + 4 };
      const { result, warnings } = captureWarnings(() => socket_recvmsg(to, message));
      assertStrictEquals(result, 1);
      assertStrictEquals(warnings.length, 1);
      assert(warnings[0].includes("the cmsghdr structure is unexpectedly small"), warnings[0]);
      assertEquals(message, {});
      closeAll(via, to, a, peer, b);
    });
  });
});

describe("data and addresses", () => {
  test("MSG_TRUNC: a long datagram is cut to buffer_size and flagged", () => {
    const [a, b] = unixPair(SOCK_DGRAM);
    socket_sendmsg(a, { iov: ["0123456789"] });
    socket_sendmsg(a, { iov: ["abcdefghij"] });
    const whole = receive(b, 1);
    assertEquals([whole.result, whole.iov, whole.flags], [10, ["0123456789"], 0]);
    const message: RecvMessage = { controllen: 1, buffer_size: 4 };
    assertStrictEquals(socket_recvmsg(b, message), 4);
    assertEquals([message.iov, message.flags], [["abcd"], MSG_TRUNC]);
    closeAll(a, b);
  });

  test("MSG_TRUNC as a flag on a stream socket returns no bytes it did not receive", () => {
    const [client, server] = tcpPair(AF_INET);
    socket_write(client, "discard me");
    const revents = new Uint16Array(1);
    sys().poll([server.unsafeHandle], [Ready.In], revents, 5_000);
    const message: RecvMessage = { controllen: 1, buffer_size: 4 };
    const r = socket_recvmsg(server, message, MSG_TRUNC);
    assert(typeof r === "number" && r > 0);
    assertEquals(message.iov, []);
    closeAll(client, server);
  });

  test("iov elements may be Uint8Arrays and views; binary data round-trips", () => {
    const [a, b] = unixPair(SOCK_SEQPACKET);
    const bytes = stringToBytes("\0\x01\xfe\xff");
    const big = new Uint8Array(100).fill(7);
    assertStrictEquals(
      socket_sendmsg(a, { iov: [bytes, big.subarray(10, 13), "\x80", new Uint16Array([0x4142])] }),
      10,
    );
    const message = receive(b, 1);
    assertEquals(message.iov, ["\0\x01\xfe\xff\x07\x07\x07\x80BA"]);
    closeAll(a, b);
  });

  test("socket_recvmsg() reads an AF_INET name on an AF_INET6 socket from zeroed memory", () => {
    const [r, s] = udpPair(AF_INET6);
    socket_sendto(s, "x", 1, 0, "::1", portOf(r));
    const message: RecvMessage = { controllen: 1, name: { family: AF_INET } };
    assertStrictEquals(socket_recvmsg(r, message), 1);
    // The kernel writes 16 bytes (a sockaddr_in's worth) of the IPv6 sender;
    // the rest of the address reads as zeros, never as stale memory.
    assertEquals(message.name, {
      family: AF_INET6,
      addr: "::",
      port: portOf(s),
      flowinfo: 0,
      scope_id: 0,
    });
    closeAll(r, s);
  });

  test("IPv6 pktinfo, hop limit and traffic class round-trip on ::1", () => {
    const [r, s] = udpPair(AF_INET6);
    for (const option of [IPV6_RECVPKTINFO, IPV6_RECVHOPLIMIT, IPV6_RECVTCLASS]) {
      setIntOption(r, IPPROTO_IPV6, option, 1);
    }
    assertStrictEquals(
      socket_sendmsg(s, {
        name: { addr: "::1", port: portOf(r) },
        iov: ["six"],
        control: [
          { level: IPPROTO_IPV6, type: IPV6_PKTINFO, data: { addr: "::1", ifindex: 0 } },
          { level: IPPROTO_IPV6, type: IPV6_HOPLIMIT, data: 7 },
          { level: IPPROTO_IPV6, type: IPV6_TCLASS, data: 32 },
        ],
      }),
      3,
    );
    const space = socket_cmsg_space(IPPROTO_IPV6, IPV6_PKTINFO)
      + 2 * socket_cmsg_space(IPPROTO_IPV6, IPV6_TCLASS);
    const message = receive(r, space);
    const byType = Object.fromEntries((message.control ?? []).map((c) => [c.type, c.data]));
    assertEquals(byType[IPV6_PKTINFO], { addr: "::1", ifindex: sys().ifNameToIndex("lo") });
    assertStrictEquals(byType[IPV6_HOPLIMIT], 7);
    assertStrictEquals(byType[IPV6_TCLASS], 32);
    assertEquals([message.iov, message.flags], [["six"], 0]);
    closeAll(r, s);
  });

  test("20,000 messages from fresh small buffers arrive intact while garbage is made", () => {
    const [a, b] = unixPair(SOCK_DGRAM);
    const garbage: unknown[] = new Array(64);
    let wrong = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = `m${i}`;
      // Small typed arrays and views of them, made just before the call.
      const head = stringToBytes(text);
      const tail = new Uint8Array([0x21, 0x3f]).subarray(i % 2, 2);
      socket_sendmsg(a, { iov: [head, tail] });
      garbage[i % 64] = new Array(32).fill(i);
      const message: RecvMessage = { controllen: 1, buffer_size: 16 };
      socket_recvmsg(b, message);
      if (message.iov?.[0] !== text + (i % 2 ? "?" : "!?")) wrong++;
    }
    assertStrictEquals(wrong, 0);
    closeAll(a, b);
  });

  test("an address taken for a msghdr stays valid when views of the array are made later", () => {
    // Bun moves a small typed array's bytes the first time a view of it is
    // made; addressOf() must have moved them already.
    const small = new Uint8Array(16);
    const address = runtime.addressOf(small);
    const view = new DataView(small.buffer, 4, 4);
    view.setUint8(0, 42);
    assertStrictEquals(runtime.addressOf(small), address);
    assertStrictEquals(runtime.addressOf(small.subarray(4)), address + 4n);
    assertStrictEquals(runtime.copyOut(address + 4n, 1)[0], 42);
    assertStrictEquals(runtime.addressOf(new Uint8Array(0)), 0n);
  });

  test("Sys.sendmsg/recvmsg refuse lengths beyond their buffers", () => {
    const [a, b] = unixPair(SOCK_DGRAM);
    const parts = {
      name: null,
      nameLength: 0,
      iov: [new Uint8Array(4)],
      control: new Uint8Array(8),
      controlLength: 64,
      flags: 0,
    };
    assertThrows(() => sys().recvmsg(b.unsafeHandle, parts, 0), RangeError);
    assertThrows(
      () =>
        sys().sendmsg(a.unsafeHandle, {
          ...parts,
          name: new Uint8Array(2),
          nameLength: 110,
          controlLength: 0,
        }, 0),
      RangeError,
    );
    closeAll(a, b);
  });

  test("socket_recvmsg() failing warns even for EAGAIN and sets only the global error", () => {
    const [a, b] = unixPair(SOCK_DGRAM);
    const message: RecvMessage = { controllen: 1 };
    const { result, warnings } = captureWarnings(() => socket_recvmsg(b, message, MSG_DONTWAIT));
    assertFalse(result);
    assertEquals(warnings, [
      `socket_recvmsg(): Error in recvmsg [${SOCKET_EAGAIN}]: Resource temporarily unavailable`,
    ]);
    assertEquals([socket_last_error(), socket_last_error(b), message], [SOCKET_EAGAIN, 0, {
      controllen: 1,
    }]);
    closeAll(a, b);
  });

  test("socket_sendmsg() failing with EAGAIN is silent and sets both error codes", () => {
    const [a, b] = unixPair(SOCK_DGRAM);
    socket_set_nonblock(a);
    const { result, warnings } = captureWarnings(() => {
      let r: number | false = 0;
      for (let i = 0; i < 100_000 && r !== false; i++) {
        r = socket_sendmsg(a, { iov: ["x".repeat(1000)] });
      }
      return r;
    });
    assertFalse(result);
    assertEquals(warnings, []);
    assertEquals([socket_last_error(a), socket_last_error()], [SOCKET_EAGAIN, SOCKET_EAGAIN]);
    closeAll(a, b);
  });

  test("socket_sendmsg() to a name honours Deno's permissions", {
    skip: deno ? false : "Bun has no permission system",
  }, () => {
    const [receiver, spare] = udpPair(AF_INET);
    const dir = tempDir();
    try {
      const port = portOf(receiver);
      const probe = new URL("./fixtures/msg_permission_probe.ts", import.meta.url).pathname;
      const child = spawnSync(deno!.execPath(), [
        "run",
        "--no-prompt",
        "--allow-ffi",
        `--allow-net=127.0.0.1:${port}`,
        `--allow-read=${dir.path}`,
        probe,
        String(port),
        dir.path,
      ], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      const denied = (need: string): string =>
        `false 13 socket_sendmsg(): Error in sendmsg [13]: Permission denied (Deno: this needs ${need})`;
      assertEquals(child.stdout.trimEnd().split("\n"), [
        "allowed port: 2 0",
        `other port: ${denied("--allow-net=127.0.0.1:9")}`,
        `v4 name on a v6 socket: ${denied("--allow-net=127.0.0.1:9")}`,
        `v6: ${denied(`--allow-net=[::1]:${port}`)}`,
        `unix path: ${denied(`--allow-write=${dir.path}/probe.sock`)}`,
        "abstract name: false 111 socket_sendmsg(): Error in sendmsg [111]: Connection refused",
        "no name: false 89 socket_sendmsg(): Error in sendmsg [89]: Destination address required",
      ], child.stderr);
      const data = { value: "" };
      const from = { value: "" };
      const fromPort = { value: 0 };
      assertStrictEquals(socket_recvfrom(receiver, data, 10, MSG_DONTWAIT, from, fromPort), 2);
      assertStrictEquals(data.value, "ok");
    } finally {
      closeAll(receiver, spare);
      dir.cleanup();
    }
  });
});
