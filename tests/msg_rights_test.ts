/**
 * SCM_RIGHTS with socket_sendmsg/socket_recvmsg: 1, 2 and 3 sockets over
 * datagram and stream pairs with every received socket used, a socket
 * handed to a child process that serves a request on it, and truncated or
 * unsupported control data without descriptor leaks. (PHP's messages and
 * conversions are in the conformance twins.)
 *
 * @module
 */

import { spawn } from "node:child_process";
import { join } from "node:path";
import process from "node:process";
import { describe, test } from "node:test";
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  defined,
  fclose,
  fread,
  MSG_CTRUNC,
  MSG_DONTWAIT,
  type RecvMessage,
  SCM_CREDENTIALS,
  SCM_RIGHTS,
  SO_PASSCRED,
  SOCK_DGRAM,
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
  socket_sendto,
  socket_set_nonblock,
  socket_set_option,
  socket_write,
  SOL_SOCKET,
  STREAM_PF_UNIX,
  STREAM_SOCK_STREAM,
  stream_socket_pair,
} from "../mod.ts";
import { platform, Ready, sys } from "../platform/mod.ts";
import {
  captureWarnings,
  closeAll,
  countsDescriptors,
  linuxOnly,
  needsUnix,
  ok,
  portOf,
  tcpListener,
  tempDir,
  udpPair,
  unixPair,
} from "./_helpers.ts";
import { assertConnected, noLeak, receive, receivedSockets, sendRights } from "./_msg_helpers.ts";
import { assert, assertEquals, assertFalse, assertStrictEquals } from "./assert.ts";

const deno = (globalThis as { Deno?: typeof Deno }).Deno;
/** `skip` for the SCM_RIGHTS tests: they pass AF_UNIX sockets and count descriptors. */
const rights: string | false = defined("SCM_RIGHTS")
  ? needsUnix || countsDescriptors
  : "SCM_RIGHTS is not defined on this platform";
/** `skip` for the tests that need Linux's SO_PASSCRED credentials. */
const credentials: string | false = defined("SO_PASSCRED")
  ? false
  : "SO_PASSCRED is not defined on this platform";

describe("SCM_RIGHTS", { skip: rights }, () => {
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

  test("a stream travels like a socket, in order, and the copy outlives fclose()", () => {
    noLeak(() => {
      const [via, to] = unixPair(SOCK_DGRAM);
      const streams = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
      assert(streams !== false);
      const [a, b] = unixPair();
      assertStrictEquals(sendRights(via, [streams[0], a]), 1);
      const [fromStream, fromSocket] = receivedSockets(receive(to, 64));
      fclose(streams[0]);
      assertStrictEquals(socket_write(fromStream, "via stream"), 10);
      assertStrictEquals(fread(streams[1], 100), "via stream");
      assertConnected(fromSocket, b, "the socket after the stream");
      fclose(streams[1]);
      closeAll(via, to, a, b, fromStream, fromSocket);
    });
  });

  test("a closed stream in the list is refused before anything is sent", () => {
    const [via, to] = unixPair(SOCK_DGRAM);
    const streams = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    assert(streams !== false);
    fclose(streams[0]);
    const { result, warnings } = captureWarnings(() => sendRights(via, [streams[0]]));
    assertFalse(result);
    assertEquals(warnings, [
      "socket_sendmsg(): error converting user data (path: msghdr > control > element #0 > data > element #1): resource is not a stream",
    ]);
    fclose(streams[1]);
    closeAll(via, to);
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

describe("truncated control data", { skip: rights }, () => {
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

  test("descriptors in a last control message the cmsg walk skips are closed", {
    skip: credentials,
  }, () => {
    noLeak(() => {
      const [via, to] = unixPair(SOCK_DGRAM);
      assert(socket_set_option(to, SOL_SOCKET, SO_PASSCRED, 1));
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

  test(
    "after an unsupported control message, received descriptors are closed and the message emptied",
    {
      skip: linuxOnly("SCM_TIMESTAMP on AF_UNIX datagrams"),
    },
    () => {
      noLeak(() => {
        const [via, to] = unixPair(SOCK_DGRAM);
        // SO_TIMESTAMP adds an SCM_TIMESTAMP message, which PHP does not support.
        assert(socket_set_option(to, SOL_SOCKET, platform.native.SO_TIMESTAMP, 1));
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
    },
  );

  test("a cut credentials message empties the message and leaks nothing", {
    skip: credentials,
  }, () => {
    noLeak(() => {
      const [via, to] = unixPair(SOCK_DGRAM);
      assert(socket_set_option(to, SOL_SOCKET, SO_PASSCRED, 1));
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
