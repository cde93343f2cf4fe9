/**
 * socket_sendmsg/socket_recvmsg data and addresses: MSG_TRUNC, binary iov
 * buffers, names read from zeroed memory, IPv6 ancillary data, the failure
 * paths, buffer safety of the msghdr layer, and Deno's permissions for
 * `name`. (PHP's messages and conversions are in the conformance twins.)
 *
 * @module
 */

import { spawnSync } from "node:child_process";

import process from "node:process";
import { describe, test } from "node:test";
import { runtime } from "../ffi/load.ts";
import {
  AF_INET,
  AF_INET6,
  defined,
  IPPROTO_IPV6,
  IPV6_HOPLIMIT,
  IPV6_PKTINFO,
  IPV6_RECVHOPLIMIT,
  IPV6_RECVPKTINFO,
  IPV6_RECVTCLASS,
  IPV6_TCLASS,
  MSG_DONTWAIT,
  MSG_TRUNC,
  type RecvMessage,
  SOCK_DGRAM,
  socket_cmsg_space,
  SOCKET_EAGAIN,
  socket_last_error,
  socket_recvfrom,
  socket_recvmsg,
  socket_sendmsg,
  socket_sendto,
  socket_set_nonblock,
  socket_set_option,
  socket_write,
  stringToBytes,
} from "../mod.ts";
import { platform, Ready, receiveMessage, sendMessage, sys } from "../platform/mod.ts";
import {
  captureWarnings,
  closeAll,
  linuxOnly,
  localPair,
  needsUnix,
  phpWarning,
  portOf,
  tcpPair,
  tempDir,
  udpPair,
  unixPair,
} from "./_helpers.ts";
import { receive } from "./_msg_helpers.ts";
import { assert, assertEquals, assertFalse, assertStrictEquals, assertThrows } from "./assert.ts";

const deno = (globalThis as { Deno?: typeof Deno }).Deno;
/** `skip` for a behaviour POSIX systems share and Winsock does not. */
function posixOnly(what: string): string | false {
  return platform.os === "windows" ? `${what} is POSIX behaviour` : false;
}

describe("data and addresses", () => {
  test("MSG_TRUNC: a long datagram is cut to buffer_size and flagged", {
    skip: posixOnly("a truncated datagram received with MSG_TRUNC set"),
  }, () => {
    const [a, b] = localPair(SOCK_DGRAM);
    socket_sendmsg(a, { iov: ["0123456789"] });
    socket_sendmsg(a, { iov: ["abcdefghij"] });
    const whole = receive(b, 1);
    assertEquals([whole.result, whole.iov, whole.flags], [10, ["0123456789"], 0]);
    const message: RecvMessage = { controllen: 1, buffer_size: 4 };
    assertStrictEquals(socket_recvmsg(b, message), 4);
    assertEquals([message.iov, message.flags], [["abcd"], MSG_TRUNC]);
    closeAll(a, b);
  });

  test("MSG_TRUNC as a flag on a stream socket returns no bytes it did not receive", {
    skip: linuxOnly("MSG_TRUNC discarding stream data"),
  }, () => {
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
    const [a, b] = localPair(SOCK_DGRAM);
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

  test("socket_recvmsg() reads an AF_INET name on an AF_INET6 socket from zeroed memory", {
    skip: linuxOnly("a sender address cut to the given length"),
  }, () => {
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

  test("IPv6 pktinfo, hop limit and traffic class round-trip on ::1", {
    skip: defined("IPV6_RECVPKTINFO") && defined("IPV6_RECVHOPLIMIT")
      ? false
      : "IPV6_PKTINFO/IPV6_HOPLIMIT are not defined on this platform",
  }, () => {
    const [r, s] = udpPair(AF_INET6);
    for (const option of [IPV6_RECVPKTINFO, IPV6_RECVHOPLIMIT, IPV6_RECVTCLASS]) {
      assert(socket_set_option(r, IPPROTO_IPV6, option, 1));
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
    const pktinfo = byType[IPV6_PKTINFO] as { addr: string; ifindex: number };
    assertEquals(Object.keys(pktinfo), ["addr", "ifindex"]);
    assertStrictEquals(pktinfo.addr, "::1");
    assert(sys().ifIndexToName(pktinfo.ifindex) !== null, "ifindex names the loopback interface");
    assertStrictEquals(byType[IPV6_HOPLIMIT], 7);
    assertStrictEquals(byType[IPV6_TCLASS], 32);
    assertEquals([message.iov, message.flags], [["six"], 0]);
    closeAll(r, s);
  });

  // Fewer under Wine, which is several times slower per call.
  const MESSAGES = platform.os === "windows" ? 5_000 : 20_000;
  test(`${MESSAGES} messages from fresh small buffers arrive intact while garbage is made`, () => {
    const [a, b] = localPair(SOCK_DGRAM);
    const garbage: unknown[] = new Array(64);
    let wrong = 0;
    for (let i = 0; i < MESSAGES; i++) {
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

  test("sendMessage/receiveMessage refuse lengths beyond their buffers", () => {
    const [a, b] = localPair(SOCK_DGRAM);
    const parts = {
      name: null,
      nameLength: 0,
      iov: [new Uint8Array(4)],
      control: new Uint8Array(8),
      controlLength: 64,
      flags: 0,
    };
    assertThrows(() => receiveMessage(sys(), platform, b.unsafeHandle, parts, 0), RangeError);
    assertThrows(
      () =>
        sendMessage(sys(), platform, a.unsafeHandle, {
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
    const [a, b] = localPair(SOCK_DGRAM);
    socket_set_nonblock(b);
    const message: RecvMessage = { controllen: 1 };
    const { result, warnings } = captureWarnings(() => socket_recvmsg(b, message));
    assertFalse(result);
    assertEquals(warnings, [
      phpWarning("socket_recvmsg", "Error in recvmsg", SOCKET_EAGAIN),
    ]);
    assertEquals([socket_last_error(), socket_last_error(b), message], [SOCKET_EAGAIN, 0, {
      controllen: 1,
    }]);
    closeAll(a, b);
  });

  test("socket_sendmsg() failing with EAGAIN is silent and sets both error codes", {
    skip: needsUnix,
  }, () => {
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
    skip: deno ? linuxOnly("abstract AF_UNIX names") : "Bun has no permission system",
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
