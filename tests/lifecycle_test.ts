import process from "node:process";
import { describe, test } from "node:test";
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  defined,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  SOCK_RAW,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  Socket,
  socket_accept,
  socket_close,
  socket_connect,
  socket_create,
  socket_create_listen,
  socket_create_pair,
  SOCKET_EACCES,
  SOCKET_EAGAIN,
  SOCKET_EINVAL,
  SOCKET_EOPNOTSUPP,
  SOCKET_EPROTONOSUPPORT,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_set_nonblock,
  socket_shutdown,
  socket_write,
  SOL_TCP,
  SOL_UDP,
  ValueError,
} from "../mod.ts";
import { platform } from "../platform/mod.ts";
import {
  captureWarnings,
  closeAll,
  HAS_AF_UNIX,
  HAS_UNIX_PAIRS,
  localPair,
  ok,
  phpWarning,
  portOf,
  tcpListener,
} from "./_helpers.ts";
import {
  assert,
  assertEquals,
  assertInstanceOf,
  assertStrictEquals,
  assertThrows,
} from "./assert.ts";

describe("socket_create()", () => {
  test("creates sockets for every supported domain and type", () => {
    const cases = [
      [AF_INET, SOCK_STREAM, SOL_TCP],
      [AF_INET, SOCK_DGRAM, SOL_UDP],
      [AF_INET6, SOCK_STREAM, 0],
      [AF_INET6, SOCK_DGRAM, 0],
      // AF_UNIX where the platform has it (Wine's Winsock does not).
      ...(HAS_AF_UNIX ? [[AF_UNIX, SOCK_STREAM, 0], [AF_UNIX, SOCK_DGRAM, 0]] : []),
      ...(HAS_UNIX_PAIRS ? [[AF_UNIX, SOCK_SEQPACKET, 0]] : []),
    ];
    for (const [domain, type, protocol] of cases) {
      const s = socket_create(domain, type, protocol);
      assertInstanceOf(s, Socket);
      assert(s.unsafeHandle >= 0);
      socket_close(s);
      assertStrictEquals(s.unsafeHandle, -1);
    }
  });

  test("rejects an unknown domain or type with PHP's ValueError", () => {
    assertThrows(
      () => socket_create(99, SOCK_STREAM, 0),
      ValueError,
      "socket_create(): Argument #1 ($domain) must be one of AF_UNIX, AF_INET6, or AF_INET",
    );
    assertThrows(
      () => socket_create(AF_INET, 11, 0),
      ValueError,
      "socket_create(): Argument #2 ($type) must be one of SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_RAW, or SOCK_RDM",
    );
  });

  test("accepts SOCK_NONBLOCK in the type, as PHP 8.4 does", {
    skip: defined("SOCK_NONBLOCK") ? false : "the platform has no SOCK_NONBLOCK",
  }, () => {
    const s = ok(socket_create(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0));
    try {
      assertStrictEquals(captureWarnings(() => socket_read(s, 10)).result, false);
      assertStrictEquals(socket_last_error(s), SOCKET_EAGAIN);
    } finally {
      socket_close(s);
    }
  });

  test("a protocol the kernel rejects gives false, a warning and the global error only", () => {
    const { result, warnings } = captureWarnings(() => socket_create(AF_INET, SOCK_STREAM, 99));
    assertStrictEquals(result, false);
    assertEquals(warnings, [
      phpWarning("socket_create", "Unable to create socket", SOCKET_EPROTONOSUPPORT),
    ]);
    assertStrictEquals(socket_last_error(), SOCKET_EPROTONOSUPPORT);
  });

  test("SOCK_RAW either works or fails with a warning (it needs CAP_NET_RAW)", () => {
    const { result, warnings } = captureWarnings(() => socket_create(AF_INET, SOCK_RAW, 1));
    if (result) socket_close(result);
    else {assertStrictEquals(
        warnings[0],
        phpWarning("socket_create", "Unable to create socket", socket_last_error()),
      );}
  });
});

describe("socket_create_pair()", () => {
  // Windows emulates socketpair() over loopback TCP, for AF_INET only, as PHP does.
  const pairDomain = HAS_UNIX_PAIRS ? AF_UNIX : AF_INET;

  test("replaces the array's content with two connected sockets", () => {
    const pair: unknown[] = ["old", "content", "gone"];
    assert(socket_create_pair(pairDomain, SOCK_STREAM, 0, pair));
    assertStrictEquals(pair.length, 2);
    const [a, b] = pair as Socket[];
    try {
      socket_write(a, "ping");
      assertStrictEquals(socket_read(b, 10), "ping");
    } finally {
      closeAll(a, b);
    }
  });

  test("fills a plain object at keys 0 and 1", () => {
    const pair: Record<string, unknown> = { stale: true };
    assert(socket_create_pair(pairDomain, SOCK_STREAM, 0, pair));
    assertEquals(Object.keys(pair), ["0", "1"]);
    closeAll(pair[0] as Socket, pair[1] as Socket);
  });

  test("validates like socket_create() with its own function name", () => {
    assertThrows(
      () => socket_create_pair(1234, SOCK_STREAM, 0, []),
      ValueError,
      "socket_create_pair(): Argument #1 ($domain)",
    );
  });
});

describe("listening and accepting", () => {
  // socket_create_listen() binds every interface (127.0.0.1 on Windows): only
  // do it where loopback is the only one (scripts/test.sh runs the suite in
  // such a namespace).
  const listenHost = platform.listenAddress.join(".");
  const isolated = process.env.PHP_SOCKETS_NETNS === "1" || listenHost === "127.0.0.1";
  const netAllAllowed = !("Deno" in globalThis)
    || (globalThis as unknown as { Deno: typeof Deno }).Deno.permissions.querySync({
        name: "net",
        host: `${listenHost}:0`,
      }).state
      === "granted";

  test(`socket_create_listen(0) listens on ${listenHost} on a free port`, {
    skip: isolated && netAllAllowed
      ? false
      : `needs a loopback-only network namespace and net access to ${listenHost}`,
  }, () => {
    const server = ok(socket_create_listen(0));
    const client = ok(socket_create(AF_INET, SOCK_STREAM, 0));
    try {
      const addr = { value: "" }, port = { value: 0 };
      assert(socket_getsockname(server, addr, port));
      assertStrictEquals(addr.value, listenHost);
      assert(port.value > 0);
      assert(socket_connect(client, "127.0.0.1", port.value));
      const conn = ok(socket_accept(server));
      socket_write(conn, "hi");
      assertStrictEquals(socket_read(client, 10), "hi");
      socket_close(conn);
    } finally {
      closeAll(server, client);
    }
  });

  test(
    `under Deno without net access to ${listenHost}, socket_create_listen() fails like a denied bind`,
    {
      skip: netAllAllowed ? `net access to ${listenHost} is granted here` : false,
    },
    () => {
      const { result, warnings } = captureWarnings(() => socket_create_listen(0));
      assertStrictEquals(result, false);
      assertEquals(warnings, [
        phpWarning("socket_create_listen", "unable to bind to given address", SOCKET_EACCES)
        + ` (Deno: this needs --allow-net=${listenHost}:0)`,
      ]);
      assertStrictEquals(socket_last_error(), SOCKET_EACCES);
    },
  );

  test("socket_create_listen() rejects ports outside 0..65535", () => {
    assertThrows(
      () => socket_create_listen(65536),
      ValueError,
      "socket_create_listen(): Argument #1 ($port) must be between 0 and 65535",
    );
  });

  test("a non-blocking accept with nothing pending gives false, no warning, and the global error only", () => {
    const server = tcpListener(AF_INET);
    try {
      socket_set_nonblock(server);
      const { result, warnings } = captureWarnings(() => socket_accept(server));
      assertStrictEquals(result, false);
      assertEquals(warnings, []);
      assertStrictEquals(socket_last_error(), SOCKET_EAGAIN);
      assertStrictEquals(socket_last_error(server), 0);
    } finally {
      socket_close(server);
    }
  });

  test("an accepted socket is blocking even when the listener is not", () => {
    const server = tcpListener(AF_INET);
    const client = ok(socket_create(AF_INET, SOCK_STREAM, 0));
    try {
      socket_set_nonblock(server);
      socket_connect(client, "127.0.0.1", portOf(server));
      const conn = ok(socket_accept(server));
      socket_write(client, "late");
      assertStrictEquals(socket_read(conn, 10), "late");
      socket_close(conn);
    } finally {
      closeAll(server, client);
    }
  });

  test("socket_listen() on a UDP socket fails with EOPNOTSUPP", () => {
    const s = ok(socket_create(AF_INET, SOCK_DGRAM, 0));
    try {
      const { result, warnings } = captureWarnings(() => socket_listen(s));
      assertStrictEquals(result, false);
      assertEquals(warnings, [
        phpWarning("socket_listen", "unable to listen on socket", SOCKET_EOPNOTSUPP),
      ]);
      assertStrictEquals(socket_last_error(s), SOCKET_EOPNOTSUPP);
    } finally {
      socket_close(s);
    }
  });

  test("socket_accept() on a socket that is not listening fails with EINVAL", () => {
    const s = ok(socket_create(AF_INET, SOCK_STREAM, 0));
    try {
      const { result, warnings } = captureWarnings(() => socket_accept(s));
      assertStrictEquals(result, false);
      assertEquals(warnings, [
        phpWarning("socket_accept", "unable to accept incoming connection", SOCKET_EINVAL),
      ]);
      assertStrictEquals(socket_last_error(), SOCKET_EINVAL);
    } finally {
      socket_close(s);
    }
  });

  test("socket_shutdown() with a bad mode fails with EINVAL", () => {
    const p = localPair();
    try {
      const { result, warnings } = captureWarnings(() => socket_shutdown(p[0], 7));
      assertStrictEquals(result, false);
      assertEquals(warnings, [
        phpWarning("socket_shutdown", "Unable to shutdown socket", SOCKET_EINVAL),
      ]);
    } finally {
      closeAll(...p);
    }
  });
});
