import { spawnSync } from "node:child_process";
import process from "node:process";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { AF_INET, socket_close, SOCKET_EACCES } from "../mod.ts";
import { HAS_AF_UNIX, phpWarning, portOf, tcpListener, tempDir } from "./_helpers.ts";
import { assertEquals } from "./assert.ts";

const deno = (globalThis as { Deno?: typeof Deno }).Deno;

describe("Deno permissions", () => {
  test("bind, connect and sendto honour --allow-net, Unix paths --allow-read/--allow-write", {
    skip: deno ? false : "Bun has no permission system",
  }, () => {
    const server = tcpListener(AF_INET);
    const dir = tempDir();
    try {
      const port = portOf(server);
      const probe = fileURLToPath(new URL("./fixtures/permission_probe.ts", import.meta.url).href);
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
      const sock = `${dir.path}/probe.sock`;
      const denied = (fn: string, msg: string, need: string): string =>
        `${phpWarning(fn, msg, SOCKET_EACCES)} (Deno: this needs ${need})`;
      const e = SOCKET_EACCES;
      assertEquals(child.stdout.trimEnd().split("\n"), [
        "connect allowed: true 0",
        `connect other port: false ${e} ${
          denied("socket_connect", "unable to connect", "--allow-net=127.0.0.1:1")
        }`,
        `bind ephemeral: false ${e} ${
          denied("socket_bind", "Unable to bind address", "--allow-net=127.0.0.1:0")
        }`,
        `bind v6: false ${e} ${
          denied("socket_bind", "Unable to bind address", "--allow-net=[::1]:0")
        }`,
        `sendto: false ${e} ${
          denied("socket_sendto", "Unable to write to socket", "--allow-net=127.0.0.1:9")
        }`,
        ...(HAS_AF_UNIX
          ? [
            `bind unix: false ${e} ${
              denied("socket_bind", "Unable to bind address", `--allow-write=${sock}`)
            }`,
            "bind abstract: true 0",
          ]
          : []),
      ], child.stderr);
    } finally {
      socket_close(server);
      dir.cleanup();
    }
  });
});
