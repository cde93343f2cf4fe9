/**
 * The ported stream examples (examples/stream_*.ts) run to the end in the
 * current runtime and print what the PHP manual's versions print.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import process from "node:process";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { needsUnix } from "./_helpers.ts";
import { assert, assertStrictEquals } from "./assert.ts";

const deno = (globalThis as { Deno?: { execPath(): string } }).Deno;

function run(example: string): { stdout: string; stderr: string; status: number | null } {
  const file = fileURLToPath(new URL(`../examples/${example}`, import.meta.url).href);
  const [command, args] = deno
    ? [deno.execPath(), ["run", "--allow-ffi", "--allow-net=127.0.0.1", file]]
    : [process.execPath, [file]];
  const r = spawnSync(command, args, {
    encoding: "utf8",
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { stdout: r.stdout ?? "", stderr: r.stderr ?? "", status: r.status };
}

describe("stream examples", () => {
  test("stream_time_server.ts: the TCP and UDP time servers answer", () => {
    const r = run("stream_time_server.ts");
    assertStrictEquals(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split("\n");
    assert(
      /^C \(tcp\): The local time is \d+\/\d+\/\d{4} \d+:\d\d [ap]m$/.test(lines[0]),
      lines[0],
    );
    assert(/^S: datagram from 127\.0\.0\.1:\d+$/.test(lines[1]), lines[1]);
    assert(/^C \(udp\): \w{3} \w{3} \d+ \d\d:\d\d:\d\d \d{4}$/.test(lines[2]), lines[2]);
  });

  test("stream_socket_pair.ts: both ends get the other's message", { skip: needsUnix }, () => {
    const r = run("stream_socket_pair.ts");
    assertStrictEquals(r.status, 0, r.stderr);
    assertStrictEquals(
      r.stdout.trim().split("\n").sort().join("\n"),
      "child got: child PID: task-2\nparent got: message from child",
    );
  });

  test("stream_client.ts: the HTTP and daytime clients get their answers", () => {
    const r = run("stream_client.ts");
    assertStrictEquals(r.status, 0, r.stderr);
    const out = r.stdout;
    assert(
      out.startsWith("HTTP/1.0 200 OK\nContent-Type: text/plain\n\nHello from 127.0.0.1\n"),
      out,
    );
    assert(out.includes("as a Response: \"Hello from 127.0.0.1\\n\""), out);
    assert(/daytime: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d/.test(out), out);
  });
});
