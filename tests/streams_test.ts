/**
 * The stream socket functions beyond what the conformance twins show:
 * every transport end to end, timeouts (accept, connect, write), async and
 * persistent connects, context options, the 60 s default, descriptor
 * counts, and the constants.
 *
 * @module
 */

import { describe, test } from "node:test";
import * as mod from "../mod.ts";
import {
  fclose,
  feof,
  fgets,
  fread,
  fwrite,
  SOCKET_EAGAIN,
  SOCKET_ETIMEDOUT,
  socket_strerror,
  type Stream,
  STREAM_CLIENT_ASYNC_CONNECT,
  STREAM_CLIENT_CONNECT,
  STREAM_CLIENT_PERSISTENT,
  stream_context_create,
  stream_get_meta_data,
  stream_get_transports,
  stream_select,
  STREAM_SERVER_BIND,
  stream_set_blocking,
  stream_set_timeout,
  stream_socket_accept,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_recvfrom,
  stream_socket_sendto,
  stream_socket_server,
  StreamContext,
} from "../mod.ts";
import { MSG_DONTWAIT } from "../streams/sockop.ts";
import { streamStateOf } from "../streams/stream.ts";
import {
  captureWarnings,
  countsDescriptors,
  linuxOnly,
  needsUnix,
  openDescriptors,
  tempDir,
} from "./_helpers.ts";
import { closeStreams, okStream, streamPair, tcpServer, tcpStreams } from "./_stream_helpers.ts";
import { assert, assertEquals, assertStrictEquals, assertThrows } from "./assert.ts";

function roundTrip(client: Stream, server: Stream): void {
  const big = "0123456789".repeat(5_000);
  assertStrictEquals(fwrite(client, `${big}\n`), big.length + 1);
  let got = "";
  while (got.length < big.length + 1) {
    const line = fgets(server);
    if (line === false) break;
    got += line;
  }
  assertStrictEquals(got, `${big}\n`);
  fwrite(server, "reply\n");
  assertStrictEquals(fgets(client), "reply\n");
}

describe("transports end to end", () => {
  for (const host of ["127.0.0.1", "[::1]"]) {
    test(`tcp over ${host}: connect, accept, lines both ways, end of file`, () => {
      const [client, server] = tcpStreams(host);
      try {
        roundTrip(client, server);
        fclose(client);
        assertStrictEquals(feof(server), true);
        assertStrictEquals(fread(server, 10), "");
      } finally {
        closeStreams(client, server);
      }
    });
  }

  test("udp: a bound server answers the client's address", () => {
    const server = okStream(
      stream_socket_server("udp://127.0.0.1:0", null, null, STREAM_SERVER_BIND),
    );
    const client = okStream(stream_socket_client(`udp://${stream_socket_get_name(server, false)}`));
    try {
      fwrite(client, "question");
      const from = { value: null as string | null };
      assertStrictEquals(stream_socket_recvfrom(server, 100, 0, from), "question");
      assertStrictEquals(from.value, stream_socket_get_name(client, false));
      assertStrictEquals(stream_socket_sendto(server, "answer", 0, from.value!), 6);
      assertStrictEquals(fread(client, 100), "answer");
    } finally {
      closeStreams(client, server);
    }
  });

  test("unix and udg: paths, round trips, names", { skip: needsUnix }, () => {
    const dir = tempDir();
    try {
      const server = okStream(stream_socket_server(`unix://${dir.path}/s.sock`));
      const client = okStream(stream_socket_client(`unix://${dir.path}/s.sock`));
      const conn = okStream(stream_socket_accept(server, 5));
      roundTrip(client, conn);
      assertStrictEquals(stream_socket_get_name(server, false), `${dir.path}/s.sock`);
      closeStreams(client, conn, server);
      const dg = okStream(
        stream_socket_server(`udg://${dir.path}/d.sock`, null, null, STREAM_SERVER_BIND),
      );
      const dc = okStream(stream_socket_client(`udg://${dir.path}/d.sock`));
      fwrite(dc, "datagram");
      assertStrictEquals(fread(dg, 100), "datagram");
      closeStreams(dc, dg);
    } finally {
      dir.cleanup();
    }
  });

  test("a Unix path longer than sun_path is cut, with PHP's notice", { skip: needsUnix }, () => {
    const dir = tempDir();
    try {
      const long = `${dir.path}/${"x".repeat(120)}`;
      const w = captureWarnings(() => stream_socket_server(`unix://${long}`));
      assertEquals(w.warnings, [
        "stream_socket_server(): socket path exceeded the maximum allowed length of 108 bytes and was truncated",
      ]);
      const server = okStream(w.result);
      assertStrictEquals(stream_socket_get_name(server, false), long.slice(0, 107));
      fclose(server);
    } finally {
      dir.cleanup();
    }
  });

  test("1,000 server/client/accept cycles leave the descriptor count unchanged", {
    skip: countsDescriptors,
  }, () => {
    const before = openDescriptors();
    for (let i = 0; i < 1_000; i++) {
      const [client, server] = tcpStreams();
      fclose(client);
      fclose(server);
    }
    assertStrictEquals(openDescriptors(), before);
  });
});

describe("timeouts", () => {
  test("the default timeout is default_socket_timeout (60 s); stream_set_timeout() changes it", () => {
    const [x, y] = streamPair();
    try {
      assertEquals(streamStateOf(y).timeout, { sec: 60, usec: 0 });
      stream_set_timeout(y, 1, 2_500_000);
      assertEquals(streamStateOf(y).timeout, { sec: 3, usec: 500_000 });
    } finally {
      closeStreams(x, y);
    }
  });

  test("stream_socket_accept() gives up after its timeout with PHP's warning", () => {
    const [server] = tcpServer();
    try {
      const started = performance.now();
      const w = captureWarnings(() => stream_socket_accept(server, 0.2));
      const elapsed = performance.now() - started;
      assertStrictEquals(w.result, false);
      assertEquals(w.warnings, [
        `stream_socket_accept(): Accept failed: ${socket_strerror(SOCKET_ETIMEDOUT)}`,
      ]);
      assert(elapsed >= 180 && elapsed < 2_000, `waited ${elapsed} ms`);
    } finally {
      fclose(server);
    }
  });

  test("stream_socket_client() gives up after its timeout (listen queue full)", {
    skip: linuxOnly("dropping connections beyond the listen backlog"),
  }, () => {
    const ctx = stream_context_create({ socket: { backlog: 0 } });
    const server = okStream(stream_socket_server("tcp://127.0.0.1:0", null, null, undefined, ctx));
    const name = stream_socket_get_name(server, false);
    const clients: Stream[] = [];
    try {
      // The queue holds one connection; later SYNs are dropped until one times out.
      let failure: { code: number; message: string; ms: number } | null = null;
      for (let i = 0; i < 4 && failure === null; i++) {
        const code = { value: -1 };
        const message = { value: "" };
        const started = performance.now();
        const w = captureWarnings(() => stream_socket_client(`tcp://${name}`, code, message, 0.25));
        if (w.result) clients.push(w.result);
        else {failure = {
            code: code.value,
            message: message.value,
            ms: performance.now() - started,
          };}
      }
      assert(failure !== null, "a connect timed out");
      assertEquals([failure.code, failure.message], [
        SOCKET_ETIMEDOUT,
        socket_strerror(SOCKET_ETIMEDOUT),
      ]);
      assert(failure.ms >= 230 && failure.ms < 2_000, `took ${failure.ms} ms`);
    } finally {
      closeStreams(...clients, server);
    }
  });

  test(
    "fwrite() on a full socket waits up to the timeout, then returns what it wrote with PHP's notice",
    {
      skip: MSG_DONTWAIT === 0
        ? "without MSG_DONTWAIT a blocking send cannot time out (nor can it in PHP on Windows)"
        : false,
    },
    () => {
      const [x, y] = streamPair();
      try {
        stream_set_timeout(x, 0, 200_000);
        const data = "z".repeat(4 * 1024 * 1024);
        const started = performance.now();
        const w = captureWarnings(() => fwrite(x, data));
        const elapsed = performance.now() - started;
        assert(
          typeof w.result === "number" && w.result > 0 && w.result < data.length,
          `${w.result}`,
        );
        assertEquals(w.warnings, [
          `fwrite(): Send of ${
            data.length - (w.result as number)
          } bytes failed with errno=${SOCKET_EAGAIN} ${socket_strerror(SOCKET_EAGAIN)}`,
        ]);
        assert(elapsed >= 180, `waited ${elapsed} ms`);
        assertStrictEquals(stream_get_meta_data(x).timed_out, true);
      } finally {
        closeStreams(x, y);
      }
    },
  );

  test("a non-blocking fwrite() writes what fits, then 0 without a notice", {
    skip: linuxOnly("a send buffer that fills at a few MiB"),
  }, () => {
    const [x, y] = streamPair();
    try {
      stream_set_blocking(x, false);
      const data = "z".repeat(4 * 1024 * 1024);
      const first = captureWarnings(() => fwrite(x, data));
      assert(typeof first.result === "number" && first.result < data.length);
      const second = captureWarnings(() => fwrite(x, data));
      assertStrictEquals(second.result, 0);
      assertEquals([...first.warnings, ...second.warnings], []);
    } finally {
      closeStreams(x, y);
    }
  });
});

describe("connect modes and context options", () => {
  test("an asynchronous connect returns at once; stream_select() sees it writable when done", () => {
    const [server, name] = tcpServer();
    try {
      const client = okStream(
        stream_socket_client(
          `tcp://${name}`,
          null,
          null,
          5,
          STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT,
        ),
      );
      assertStrictEquals(stream_get_meta_data(client).blocked, true, "PHP still reports blocked");
      const write = [client];
      assertStrictEquals(stream_select(null, write, null, 5), 1);
      const conn = okStream(stream_socket_accept(server, 5));
      fwrite(client, "async\n");
      assertStrictEquals(fgets(conn), "async\n");
      closeStreams(client, conn);
    } finally {
      fclose(server);
    }
  });

  test("persistent clients reuse the live connection, and a new one after fclose()", () => {
    const [server, name] = tcpServer();
    try {
      const flags = STREAM_CLIENT_CONNECT | STREAM_CLIENT_PERSISTENT;
      const a = okStream(stream_socket_client(`tcp://${name}`, null, null, 5, flags));
      const b = okStream(stream_socket_client(`tcp://${name}`, null, null, 5, flags));
      assertStrictEquals(a, b);
      const conn = okStream(stream_socket_accept(server, 5));
      fclose(a);
      const c = okStream(stream_socket_client(`tcp://${name}`, null, null, 5, flags));
      assert(c !== a, "a new connection");
      closeStreams(c, conn, okStream(stream_socket_accept(server, 5)));
    } finally {
      fclose(server);
    }
  });

  test("bindto picks the client's local address", () => {
    const [server, name] = tcpServer();
    const probe = okStream(stream_socket_server("tcp://127.0.0.1:0"));
    const free = stream_socket_get_name(probe, false) as string;
    fclose(probe);
    const localPort = Number(free.slice(free.lastIndexOf(":") + 1));
    try {
      const ctx = stream_context_create({ socket: { bindto: `127.0.0.1:${localPort}` } });
      const client = okStream(
        stream_socket_client(`tcp://${name}`, null, null, 5, STREAM_CLIENT_CONNECT, ctx),
      );
      const peer = { value: "" };
      const conn = okStream(stream_socket_accept(server, 5, peer));
      assertStrictEquals(peer.value, `127.0.0.1:${localPort}`);
      closeStreams(client, conn);
    } finally {
      fclose(server);
    }
  });

  test("so_reuseport lets two servers share a port", {
    skip: mod.defined("SO_REUSEPORT") ? false : "the platform has no SO_REUSEPORT",
  }, () => {
    const reuse = stream_context_create({ socket: { so_reuseport: true } });
    const one = okStream(stream_socket_server("tcp://127.0.0.1:0", null, null, undefined, reuse));
    const shared = stream_socket_get_name(one, false) as string;
    const two = okStream(stream_socket_server(`tcp://${shared}`, null, null, undefined, reuse));
    closeStreams(one, two);
  });

  test("contexts are opaque and checked", () => {
    assertThrows(
      () => new (StreamContext as unknown as new() => unknown)(),
      Error,
      "Cannot directly construct",
    );
    assertThrows(
      () => stream_context_create({ socket: 5 } as never),
      mod.ValueError,
      "Options should have the form",
    );
    assertThrows(
      () => stream_socket_server("tcp://127.0.0.1:0", null, null, undefined, {} as never),
      TypeError,
      "Argument #5 ($context) must be of type resource or null, array given",
    );
  });
});

describe("constants and transports", () => {
  const values = (expected: Record<string, number>): Record<string, number> =>
    Object.fromEntries(
      Object.keys(expected).map((k) => [k, (mod as unknown as Record<string, number>)[k]]),
    );

  test("PHP's own STREAM_* flags have its values everywhere", () => {
    const expected: Record<string, number> = {
      STREAM_SERVER_BIND: 4,
      STREAM_SERVER_LISTEN: 8,
      STREAM_CLIENT_PERSISTENT: 1,
      STREAM_CLIENT_ASYNC_CONNECT: 2,
      STREAM_CLIENT_CONNECT: 4,
      STREAM_SHUT_RD: 0,
      STREAM_SHUT_WR: 1,
      STREAM_SHUT_RDWR: 2,
      STREAM_PEEK: 2,
      STREAM_OOB: 1,
    };
    assertEquals(values(expected), expected);
  });

  test("the platform's STREAM_PF_*, STREAM_SOCK_* and STREAM_IPPROTO_* have PHP's Linux values", {
    skip: linuxOnly("these values"),
  }, () => {
    const expected: Record<string, number> = {
      STREAM_PF_INET: 2,
      STREAM_PF_INET6: 10,
      STREAM_PF_UNIX: 1,
      STREAM_IPPROTO_IP: 0,
      STREAM_IPPROTO_TCP: 6,
      STREAM_IPPROTO_UDP: 17,
      STREAM_IPPROTO_ICMP: 1,
      STREAM_IPPROTO_RAW: 255,
      STREAM_SOCK_STREAM: 1,
      STREAM_SOCK_DGRAM: 2,
      STREAM_SOCK_RAW: 3,
      STREAM_SOCK_SEQPACKET: 5,
      STREAM_SOCK_RDM: 4,
    };
    assertEquals(values(expected), expected);
  });

  test("stream_get_transports() lists the four socket transports", () => {
    assertEquals(stream_get_transports(), ["tcp", "udp", "unix", "udg"]);
  });

  test("Stream cannot be constructed", () => {
    assertThrows(
      () => new (mod.Stream as unknown as new() => unknown)(),
      Error,
      "Cannot directly construct Stream",
    );
  });
});
