/**
 * Conformance: each `tests/conformance/<name>.php` script has a TypeScript
 * twin `<name>.ts` that must print, byte for byte, what PHP printed
 * (`expected/<name>.out`, recorded with `php -d display_errors=stderr`).
 *
 * Every twin runs as its own process in the current runtime (a hanging or
 * crashing twin cannot take the test runner with it). When `php` is on the
 * PATH, the PHP script is run again too, so the recording stays honest.
 *
 * Under Deno this needs `--allow-run` (for the runtime itself, and `php`)
 * on top of the permissions the twins need.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { platform } from "../platform/mod.ts";
import { assert } from "./assert.ts";

interface DenoLike {
  execPath(): string;
  permissions: {
    querySync(desc: { name: "run"; command?: string }): { state: string };
  };
}

const ROOT = fileURLToPath(new URL("..", import.meta.url).href);
const DIR = fileURLToPath(new URL("./conformance/", import.meta.url).href);
const TIMEOUT_MS = 60_000;

const isBun = typeof (globalThis as { Bun?: unknown }).Bun !== "undefined";
const deno = (globalThis as { Deno?: DenoLike }).Deno;

/** The command that runs a twin in the current runtime. */
function twinCommand(twin: string): [string, string[]] {
  if (isBun || deno === undefined) return [process.execPath, [twin]];
  return [deno.execPath(), [
    "run",
    "--allow-ffi",
    "--allow-read",
    "--allow-write",
    "--allow-env",
    "--allow-net=127.0.0.1,[::1],localhost",
    twin,
  ]];
}

/** Why subprocesses cannot be started here, or null when they can. */
function cannotRun(command: string): string | null {
  if (deno === undefined || isBun) return null;
  const state = deno.permissions.querySync({ name: "run", command }).state;
  return state === "granted" ? null : `needs --allow-run (for ${command})`;
}

const runtimeCommand = twinCommand("")[0];
const runtimeBlocked = cannotRun(runtimeCommand);
const phpBlocked = cannotRun("php");
if (runtimeBlocked !== null) {
  console.error(`conformance twins skipped: ${runtimeBlocked}`);
}
const phpAvailable = phpBlocked === null
  && spawnSync("php", ["-v"], { stdio: "ignore", timeout: TIMEOUT_MS }).status === 0;

interface Outcome {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: string | null;
  error?: Error;
}

function runProcess(command: string, args: string[]): Outcome {
  const r = spawnSync(command, args, {
    cwd: ROOT,
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    stdout: r.stdout ? Buffer.from(r.stdout).toString("latin1") : "",
    stderr: r.stderr ? Buffer.from(r.stderr).toString("latin1") : "",
    status: r.status,
    signal: r.signal,
    error: r.error,
  };
}

/** A line diff of `want` → `got` ("-" expected, "+" actual), at most `max` lines. */
function lineDiff(want: string[], got: string[], max = 40): string[] {
  const n = want.length;
  const m = got.length;
  // lcs[i][j] = length of the longest common subsequence of want[i..] and got[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = want[i] === got[j]
        ? lcs[i + 1][j + 1] + 1
        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while ((i < n || j < m) && out.length < max) {
    if (i < n && j < m && want[i] === got[j]) {
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push(`- ${i + 1}: ${want[i++]}`);
    } else {
      out.push(`+ ${j + 1}: ${got[j++]}`);
    }
  }
  return out;
}

/** Fails with a line diff, the exit status and stderr unless the output matches. */
function assertSameOutput(what: string, outcome: Outcome, expected: string): void {
  const status = `exit status ${outcome.status}, signal ${outcome.signal}`
    + (outcome.error ? `, ${outcome.error.message}` : "");
  const stderr = outcome.stderr.trim();
  const stderrText = stderr ? `stderr:\n${stderr.slice(-2000)}` : "stderr: (empty)";
  if (outcome.stdout !== expected) {
    const diff = lineDiff(expected.split("\n"), outcome.stdout.split("\n"));
    assert(
      false,
      [
        `${what} differs from the recorded PHP output ("-" expected line, "+" actual line):`,
        ...diff,
        status,
        stderrText,
      ].join("\n"),
    );
  }
  assert(
    outcome.status === 0,
    `${what} printed the expected output but did not exit cleanly: ${status}\n${stderrText}`,
  );
}

const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
  .map((f) => f.slice(0, -3))
  .filter((name) => existsSync(`${DIR}expected/${name}.out`))
  .sort();

/**
 * Twins whose functions are not implemented yet, with the issue that brings
 * them. Their PHP side is still checked; the twin is reported as skipped.
 */
const PENDING: Readonly<Record<string, string>> = {};

/**
 * PHP's outputs were recorded on Linux: error numbers and texts (and some
 * behaviour) are the platform's own, so elsewhere the twins cannot match them.
 */
const recordedElsewhere = platform.os === "linux"
  ? false
  : `PHP's output was recorded on Linux, this is ${platform.os}`;

/**
 * Why a script's expected output is written by hand rather than recorded, or
 * null when PHP 8.2 recorded it. A hand-written case (PHP 8.2 lacks the
 * function or constant, or the module does what a fixed PHP does) says so on
 * a line `// HAND-WRITTEN: <why>` of its PHP script; that script is not
 * re-run, since PHP 8.2 cannot print its output.
 */
function handWritten(name: string): string | null {
  // A twin without a PHP script (msg_rights) has its expectation written by
  // hand from what a fixed PHP prints; the file's first line says so.
  if (!existsSync(`${DIR}${name}.php`)) return "PHP 8.2 is wrong here (no PHP script)";
  const script = readFileSync(`${DIR}${name}.php`).toString("latin1");
  const marker = /^\/\/ HAND-WRITTEN: (.*)$/m.exec(script);
  return marker === null ? null : marker[1];
}

/**
 * Twins that resolve host names (from /etc/hosts): they run only inside the
 * loopback-only network namespace that scripts/test.sh sets up, so that no
 * query can leave the machine.
 */
const RESOLVES_NAMES: ReadonlySet<string> = new Set(["addrinfo_names"]);
function needsNamespace(name: string): string | false {
  if (!RESOLVES_NAMES.has(name) || process.env.PHP_SOCKETS_NETNS === "1") return false;
  return "resolves host names: runs only in scripts/test.sh's network namespace";
}

describe("conformance with PHP 8.2", () => {
  test("there are conformance scripts to run", () => {
    assert(names.length > 0, `no twins with recorded output in ${DIR}`);
  });

  for (const name of names) {
    const expectedFile = `${DIR}expected/${name}.out`;
    const byHand = handWritten(name);

    test(
      `${name}.ts prints what ${name}.php prints`,
      { skip: PENDING[name] ?? (needsNamespace(name) || (runtimeBlocked ?? recordedElsewhere)) },
      () => {
        const expected = readFileSync(expectedFile).toString("latin1");
        const [command, args] = twinCommand(`${DIR}${name}.ts`);
        assertSameOutput(`${name}.ts`, runProcess(command, args), expected);
      },
    );

    test(
      `${name}.php still prints the recorded output`,
      {
        skip: needsNamespace(name)
          || (byHand !== null
            ? `expected output written by hand: ${byHand}`
            : phpAvailable
            ? false
            : (phpBlocked ?? "php is not installed")),
      },
      () => {
        const expected = readFileSync(expectedFile).toString("latin1");
        const outcome = runProcess("php", ["-d", "display_errors=stderr", `${DIR}${name}.php`]);
        assertSameOutput(`${name}.php`, outcome, expected);
      },
    );
  }
});
