/**
 * Deno permissions for name resolution and the stream functions: looking up
 * a host name needs --allow-net for it; binding and connecting need it for
 * the address, Unix paths need --allow-read/--allow-write. Checked in a
 * child process with narrow flags.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import process from "node:process";
import { describe, test } from "node:test";
import { fclose, SOCKET_EACCES, socket_strerror } from "../mod.ts";
import { needsUnix, tempDir } from "./_helpers.ts";
import { tcpServer } from "./_stream_helpers.ts";
import { assertEquals } from "./assert.ts";

const deno = (globalThis as { Deno?: typeof Deno }).Deno;

describe("Deno permissions for lookups and streams", () => {
  test("name lookups, stream binds, connects and sends honour --allow-net/--allow-write", {
    skip: deno ? false : "Bun has no permission system",
  }, () => {
    const [server, name] = tcpServer();
    const dir = tempDir();
    try {
      const port = Number(name.slice(name.lastIndexOf(":") + 1));
      const probe = new URL("./fixtures/stream_permission_probe.ts", import.meta.url).pathname;
      const child = spawnSync(deno!.execPath(), [
        "run",
        "--no-prompt",
        "--allow-ffi",
        `--allow-net=127.0.0.1:${port},127.0.0.1:0`,
        `--allow-read=${dir.path}`,
        probe,
        String(port),
        dir.path,
      ], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      const denied = socket_strerror(SOCKET_EACCES);
      const code = SOCKET_EACCES;
      const need = (flag: string): string => `${denied} (Deno: this needs ${flag})`;
      const gai = `php_network_getaddresses: getaddrinfo for localhost failed: ${
        need(`--allow-net=localhost:${port}`)
      }`;
      const unix = needsUnix ? [] : [
        `server unix: false | stream_socket_server(): Unable to connect to unix://DIR/x.sock (${
          need("--allow-write=DIR/x.sock")
        })`,
      ];
      const lines = child.stdout.trimEnd().split("\n").filter((l) =>
        !needsUnix || !l.startsWith("server unix:")
      );
      assertEquals(lines, [
        `lookup localhost: false ${code} | socket_addrinfo_lookup(): Host lookup failed [${code}]: ${
          need("--allow-net=localhost:80")
        }`,
        "lookup 127.0.0.1: array | ",
        `socket_connect localhost: false ${code} | socket_connect(): Host lookup failed [${code}]: ${
          need(`--allow-net=localhost:${port}`)
        }`,
        "client 127.0.0.1 allowed: object | ",
        `client localhost: false | stream_socket_client(): ${gai} | stream_socket_client(): Unable to connect to tcp://localhost:${port} (${gai})`,
        `client other port: false ${code} | stream_socket_client(): Unable to connect to tcp://127.0.0.1:1 (${
          need("--allow-net=127.0.0.1:1")
        })`,
        `server [::1]: false | stream_socket_server(): Unable to connect to tcp://[::1]:0 (${
          need("--allow-net=[::1]:0")
        })`,
        "server 127.0.0.1:0 allowed: object | ",
        ...unix,
        // (the warning ends with a newline, as PHP's does; trimEnd() took it)
        `sendto: -1 | stream_socket_sendto(): ${need("--allow-net=127.0.0.1:9")}`,
      ], child.stderr);
    } finally {
      fclose(server);
      dir.cleanup();
    }
  });
});
