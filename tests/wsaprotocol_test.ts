/**
 * socket_wsaprotocol_info_export/import/release: on Windows for real (same
 * process and across two processes), elsewhere the error they throw.
 *
 * @module
 */

import { spawn } from "node:child_process";
import process from "node:process";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  AF_INET,
  SOCK_STREAM,
  socket_accept,
  socket_close,
  socket_connect,
  socket_create,
  socket_last_error,
  socket_read,
  socket_write,
  socket_wsaprotocol_info_export,
  socket_wsaprotocol_info_import,
  socket_wsaprotocol_info_release,
} from "../mod.ts";
import { Ready, sys } from "../platform/mod.ts";
import { captureWarnings, closeAll, ok, portOf, tcpListener } from "./_helpers.ts";
import { assert, assertEquals, assertMatch, assertStrictEquals, assertThrows } from "./assert.ts";

/** Whether the platform can share sockets between processes (Windows). */
const canShare = sys().sharing !== undefined;
const windowsOnly = canShare ? false : "WSAPROTOCOL_INFO sharing exists on Windows only";
const elsewhereOnly = canShare ? "the functions work here" : false;

/** Waits (up to 10 s) until a socket is readable, so a failing peer cannot hang the test. */
function readable(s: ReturnType<typeof ok>): boolean {
  return sys().poll([s.unsafeHandle], [Ready.In], new Uint16Array(1), 10_000) === 1;
}

describe("socket_wsaprotocol_info_*", () => {
  test("throw an Error saying they are available on Windows only", { skip: elsewhereOnly }, () => {
    const s = ok(socket_create(AF_INET, SOCK_STREAM, 0));
    try {
      assertThrows(
        () => socket_wsaprotocol_info_export(s, 1),
        Error,
        "socket_wsaprotocol_info_export() is available on Windows only",
      );
      assertThrows(
        () => socket_wsaprotocol_info_import("php_wsa_for_0"),
        Error,
        "socket_wsaprotocol_info_import() is available on Windows only",
      );
      assertThrows(
        () => socket_wsaprotocol_info_release("php_wsa_for_0"),
        Error,
        "socket_wsaprotocol_info_release() is available on Windows only",
      );
    } finally {
      socket_close(s);
    }
  });

  test("export to this process, import, and the duplicate accepts a connection", {
    skip: windowsOnly,
  }, () => {
    const server = tcpListener(AF_INET);
    const client = ok(socket_create(AF_INET, SOCK_STREAM, 0));
    try {
      const id = socket_wsaprotocol_info_export(server, process.pid);
      assert(typeof id === "string", "export gave an id");
      assertMatch(id, /^php_wsa_for_\d+$/);
      const copy = ok(socket_wsaprotocol_info_import(id));
      assert(copy.unsafeHandle !== server.unsafeHandle, "a new handle");
      assertStrictEquals(socket_connect(client, "127.0.0.1", portOf(server)), true);
      const conn = ok(socket_accept(copy));
      socket_write(conn, "through the duplicate");
      assert(readable(client));
      assertStrictEquals(socket_read(client, 100), "through the duplicate");
      closeAll(conn, copy);
      // The original is still usable after the duplicate is closed.
      assertStrictEquals(portOf(server) > 0, true);
      assertStrictEquals(socket_wsaprotocol_info_release(id), true);
      assertStrictEquals(socket_wsaprotocol_info_release(id), false);
    } finally {
      closeAll(client, server);
    }
  });

  test("import of an unknown name warns with the file-mapping error and returns false", {
    skip: windowsOnly,
  }, () => {
    const { result, warnings } = captureWarnings(() => socket_wsaprotocol_info_import("garbage"));
    assertStrictEquals(result, false);
    // ERROR_FILE_NOT_FOUND, as PHP's test wsaprotocol_info_error expects.
    assertEquals(warnings, [
      "socket_wsaprotocol_info_import(): Unable to open file mapping [0x00000002]",
    ]);
    assertStrictEquals(socket_wsaprotocol_info_release("garbage"), false);
  });

  test("export for a process that does not exist warns and stores no error code", {
    skip: windowsOnly,
  }, () => {
    const s = ok(socket_create(AF_INET, SOCK_STREAM, 0));
    try {
      const before = socket_last_error();
      const { result, warnings } = captureWarnings(() =>
        socket_wsaprotocol_info_export(s, 0x7ffffff0)
      );
      assertStrictEquals(result, false);
      assertStrictEquals(warnings.length, 1);
      assertMatch(
        warnings[0],
        /^socket_wsaprotocol_info_export\(\): Unable to export WSA protocol info \[0x0000[0-9a-f]{4}\]/,
      );
      assertStrictEquals(socket_last_error(), before);
      assertStrictEquals(socket_last_error(s), 0);
    } finally {
      socket_close(s);
    }
  });

  test("a child process imports the exported listener and serves a connection", {
    skip: windowsOnly,
    timeout: 60_000,
  }, async () => {
    const control = tcpListener(AF_INET);
    const shared = tcpListener(AF_INET);
    const client = ok(socket_create(AF_INET, SOCK_STREAM, 0));
    const fixture = fileURLToPath(new URL("./fixtures/wsa_child.ts", import.meta.url).href);
    const args = "Deno" in globalThis
      ? ["run", "--allow-ffi", "--allow-net=127.0.0.1", "--no-check", fixture]
      : [fixture];
    const child = spawn(process.execPath, [...args, String(portOf(control))], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    let id: string | false = false;
    try {
      assert(readable(control), "the child connected to the control port");
      const ctl = ok(socket_accept(control));
      assert(child.pid !== undefined);
      id = socket_wsaprotocol_info_export(shared, child.pid);
      assert(typeof id === "string", "export for the child");
      socket_write(ctl, `${id}\n`);
      assertStrictEquals(socket_connect(client, "127.0.0.1", portOf(shared)), true);
      assert(readable(client), "the child answered");
      assertStrictEquals(socket_read(client, 100), "hello from child process");
      assert(readable(ctl));
      assertStrictEquals(socket_read(ctl, 100), "imported\n");
      socket_close(ctl);
      assertStrictEquals(await exited, 0);
    } finally {
      if (id !== false) socket_wsaprotocol_info_release(id);
      closeAll(client, shared, control);
      if (child.exitCode === null) child.kill();
    }
  });
});
