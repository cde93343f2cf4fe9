import { describe, test } from "node:test";
import {
  AF_INET,
  defined,
  setWarningHandler,
  SOCK_DGRAM,
  SOCK_STREAM,
  socket_clear_error,
  socket_close,
  socket_create,
  SOCKET_EAGAIN,
  SOCKET_ECONNREFUSED,
  SOCKET_EOPNOTSUPP,
  socket_last_error,
  socket_listen,
  socket_recv,
  socket_set_nonblock,
  socket_strerror,
  ValueError,
  withoutWarnings,
} from "../mod.ts";
import { platform } from "../platform/mod.ts";
import { captureWarnings, closeAll, linuxOnly, localPair, ok, phpWarning } from "./_helpers.ts";
import { assert, assertEquals, assertFalse, assertStrictEquals, assertThrows } from "./assert.ts";

describe("socket_strerror()", () => {
  test("gives glibc's texts, hstrerror's for host-lookup codes", {
    skip: linuxOnly("glibc's texts"),
  }, () => {
    assertStrictEquals(socket_strerror(0), "Success");
    assertStrictEquals(socket_strerror(SOCKET_ECONNREFUSED), "Connection refused");
    assertStrictEquals(socket_strerror(99999), "Unknown error 99999");
    assertStrictEquals(socket_strerror(-5), "Unknown error -5");
    assertStrictEquals(socket_strerror(-10001), "Unknown host");
    assertStrictEquals(socket_strerror(-10002), "Host name lookup failure");
    assertStrictEquals(socket_strerror(-10000), "Unknown error -10000");
    assertStrictEquals(socket_strerror(-2147483648), "Unknown resolver error");
  });

  test("rejects codes outside the C int range", () => {
    assertThrows(
      () => socket_strerror(2147483648),
      ValueError,
      "socket_strerror(): Argument #1 ($error_code) must be between -2147483648 and 2147483647",
    );
  });
});

describe("last error", () => {
  test("is set on failure on the socket and globally, kept by success, reset by socket_clear_error()", () => {
    const p = localPair(SOCK_DGRAM);
    socket_set_nonblock(p[0]);
    try {
      socket_clear_error();
      assertStrictEquals(socket_recv(p[0], { value: null }, 10, 0), false);
      assertStrictEquals(socket_last_error(p[0]), SOCKET_EAGAIN);
      assertStrictEquals(socket_last_error(), SOCKET_EAGAIN);
      assertStrictEquals(socket_last_error(p[1]), 0);
      // A success does not reset it.
      assertStrictEquals(socket_recv(p[1], { value: null }, 0, 0), false);
      assertStrictEquals(socket_last_error(p[0]), SOCKET_EAGAIN);
      socket_clear_error(p[0]);
      assertStrictEquals(socket_last_error(p[0]), 0);
      assertStrictEquals(socket_last_error(), SOCKET_EAGAIN);
      socket_clear_error();
      assertStrictEquals(socket_last_error(), 0);
    } finally {
      closeAll(...p);
    }
  });

  test("exceptions never touch the error codes", () => {
    socket_clear_error();
    assertThrows(() => socket_create(1234, SOCK_STREAM, 0), ValueError);
    assertStrictEquals(socket_last_error(), 0);
  });
});

describe("warnings", () => {
  test("go to the installed handler with PHP's text, and setWarningHandler() returns the previous one", () => {
    const s = ok(socket_create(AF_INET, SOCK_DGRAM, 0));
    try {
      const seen: string[] = [];
      const mine = (m: string): void => {
        seen.push(m);
      };
      const previous = setWarningHandler(mine);
      try {
        assertStrictEquals(socket_listen(s), false);
      } finally {
        assertStrictEquals(setWarningHandler(previous), mine);
      }
      assertEquals(seen, [
        phpWarning("socket_listen", "unable to listen on socket", SOCKET_EOPNOTSUPP),
      ]);
    } finally {
      socket_close(s);
    }
  });

  test("withoutWarnings() silences them like PHP's @ but still records the code", () => {
    const s = ok(socket_create(AF_INET, SOCK_DGRAM, 0));
    try {
      const { result, warnings } = captureWarnings(() => withoutWarnings(() => socket_listen(s)));
      assertStrictEquals(result, false);
      assertEquals(warnings, []);
      assertStrictEquals(socket_last_error(s), SOCKET_EOPNOTSUPP);
    } finally {
      socket_close(s);
    }
  });

  test("setWarningHandler(null) silences them", () => {
    const s = ok(socket_create(AF_INET, SOCK_DGRAM, 0));
    const previous = setWarningHandler(null);
    try {
      assertStrictEquals(socket_listen(s), false);
    } finally {
      assertStrictEquals(setWarningHandler(previous), null);
      socket_close(s);
    }
  });
});

describe("defined()", () => {
  test("knows which constants the platform has", () => {
    assert(defined("SO_REUSEADDR"));
    assert(defined("PHP_NORMAL_READ"));
    // Windows has SO_EXCLUSIVEADDRUSE and no SO_REUSEPORT; the others the reverse.
    const windows = platform.os === "windows";
    assertStrictEquals(defined("SO_REUSEPORT"), !windows);
    assertStrictEquals(defined("SO_EXCLUSIVEADDRUSE"), windows);
    assertFalse(defined("SO_NO_SUCH_OPTION"));
  });
});
