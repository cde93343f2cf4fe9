import { spawnSync } from "node:child_process";
import process from "node:process";
import { describe, test } from "node:test";
import { AF_INET, socket_close } from "../mod.ts";
import { portOf, tcpListener, tempDir } from "./_helpers.ts";
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
      const probe = new URL("./fixtures/permission_probe.ts", import.meta.url).pathname;
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
        `${fn}(): ${msg} [13]: Permission denied (Deno: this needs ${need})`;
      assertEquals(child.stdout.trimEnd().split("\n"), [
        "connect allowed: true 0",
        `connect other port: false 13 ${
          denied("socket_connect", "unable to connect", "--allow-net=127.0.0.1:1")
        }`,
        `bind ephemeral: false 13 ${
          denied("socket_bind", "Unable to bind address", "--allow-net=127.0.0.1:0")
        }`,
        `bind v6: false 13 ${
          denied("socket_bind", "Unable to bind address", "--allow-net=[::1]:0")
        }`,
        `sendto: false 13 ${
          denied("socket_sendto", "Unable to write to socket", "--allow-net=127.0.0.1:9")
        }`,
        `bind unix: false 13 ${
          denied("socket_bind", "Unable to bind address", `--allow-write=${sock}`)
        }`,
        "bind abstract: true 0",
      ], child.stderr);
    } finally {
      socket_close(server);
      dir.cleanup();
    }
  });
});
