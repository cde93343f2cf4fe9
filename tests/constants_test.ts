/**
 * The exported constants: every name any supported platform registers, each
 * with the running platform's value or, where the platform lacks it, a
 * placeholder that `defined()` reports and every function rejects by name.
 *
 * @module
 */

import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import * as mod from "../mod.ts";
import { platform } from "../platform/mod.ts";
import { assertEquals, assertStrictEquals, assertThrows } from "./assert.ts";

const FACTS = fileURLToPath(
  new URL("../../shared/platform-facts/constants.json", import.meta.url).href,
);
const TARGETS = ["linux-x86_64", "linux-aarch64", "darwin", "freebsd", "windows"];
const facts = JSON.parse(readFileSync(FACTS, "utf8")) as Record<string, Record<string, number>>;
const union = new Set(TARGETS.flatMap((t) => Object.keys(facts[t])));
const values = mod as unknown as Record<string, unknown>;

describe("constants", () => {
  test("mod.ts exports exactly the union of the five platforms' PHP constant names", () => {
    const missing = [...union].filter((n) => typeof values[n] !== "number");
    assertEquals(missing, []);
    for (const n of ["PHP_NORMAL_READ", "PHP_BINARY_READ"]) {
      assertStrictEquals(typeof values[n], "number");
    }
  });

  test("each name the running platform has carries its value and is defined()", () => {
    const wrong = Object.entries(platform.php)
      .filter(([n, v]) => values[n] !== v || !mod.defined(n))
      .map(([n, v]) => `${n}: ${values[n]} (platform: ${v})`);
    assertEquals(wrong, []);
  });

  test("a name the running platform lacks is not defined() and is rejected by name", () => {
    const absent = [...union].filter((n) => platform.php[n] === undefined);
    // Every platform lacks some: Linux lacks SO_EXCLUSIVEADDRUSE, Windows SO_REUSEPORT.
    assertEquals(absent.length > 0, true);
    for (const n of absent) assertStrictEquals(mod.defined(n), false, n);
    const name = absent[0];
    assertThrows(
      () => mod.socket_create(values[name] as number, mod.SOCK_STREAM, 0),
      Error,
      `socket_create(): Argument #1 ($domain) is ${name}, which ${platform.os} does not define`,
    );
    assertStrictEquals(mod.defined("NO_SUCH_CONSTANT"), false);
  });
});
