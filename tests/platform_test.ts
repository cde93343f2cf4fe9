/**
 * Checks the platform descriptors (`platform/<os>.ts`) value by value against
 * the recorded platform facts in `../shared/platform-facts/` (compiled from
 * the real headers; see that folder's README).
 *
 * The facts folder lives in the `shared/` checkout beside this repository. It
 * is required: without it every test here fails with a message saying where
 * it was looked for.
 *
 * @module
 */

import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { darwin } from "../platform/darwin.ts";
import type { PlatformDescriptor } from "../platform/descriptor.ts";
import { freebsd } from "../platform/freebsd.ts";
import { linux } from "../platform/linux.ts";
import { windows } from "../platform/windows.ts";
import { assertEquals } from "./assert.ts";

/** Where the facts live: `shared/` is cloned beside this repository. */
const FACTS_DIR = new URL("../../shared/platform-facts/", import.meta.url);

/** One recorded struct (or scalar type, which has a size and no fields). */
interface StructFact {
  size: number;
  align?: number;
  fields?: Record<string, { offset: number; size: number }>;
}

/** The `_cmsg` entry of structs.json. */
interface CmsgFact {
  cmsghdr_size: number;
  align: number;
  data_offset: number;
  samples: Record<string, { SPACE: number; LEN: number }>;
}

type ConstantsFile = Record<string, Record<string, number>>;
type StructsFile = Record<string, Record<string, unknown>>;

const cache = new Map<string, unknown>();

/** Reads and parses one facts file, failing loudly if it is not there. */
function readFacts(file: string): unknown {
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  // A string path, not the URL itself: Bun's and Node's URL types disagree.
  const path = fileURLToPath(new URL(file, FACTS_DIR).href);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new Error(
      `platform facts file not found: ${path}. `
        + `The shared repository must be cloned beside this one (../shared/platform-facts/); `
        + `the platform tests cannot run without it.`,
      { cause },
    );
  }
  const parsed: unknown = JSON.parse(text);
  cache.set(file, parsed);
  return parsed;
}

/** The entry `key` of a facts file, or an error naming the keys that exist. */
function factsEntry<T>(file: string, key: string): T {
  const all = readFacts(file) as Record<string, unknown>;
  const entry = all[key];
  if (entry === undefined || entry === null || typeof entry !== "object") {
    throw new Error(
      `${file} has no entry "${key}" (it has: ${Object.keys(all).join(", ")})`,
    );
  }
  return entry as T;
}

/**
 * Compares two name → number maps. Returns one line per difference: names
 * missing from the descriptor, names it has that the facts do not, and
 * differing values.
 */
function compareConstants(
  actual: Readonly<Record<string, number>>,
  expected: Readonly<Record<string, number>>,
): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(expected)) {
    if (!Object.hasOwn(actual, name)) {
      out.push(`missing ${name} (facts: ${value})`);
    } else if (actual[name] !== value) {
      out.push(`${name} is ${actual[name]}, facts say ${value}`);
    }
  }
  for (const [name, value] of Object.entries(actual)) {
    if (!Object.hasOwn(expected, name)) out.push(`extra ${name} = ${value} (not in the facts)`);
  }
  return out;
}

/**
 * Compares struct layouts: every recorded struct (keys not starting with `_`)
 * must be in the descriptor with the same size and the same fields at the same
 * offsets and sizes; structs or fields the facts do not record are reported
 * too, since nothing would check them.
 */
function compareStructs(
  actual: PlatformDescriptor["structs"],
  facts: Readonly<Record<string, unknown>>,
): string[] {
  const out: string[] = [];
  const expected = Object.entries(facts).filter(([name]) => !name.startsWith("_")) as [
    string,
    StructFact,
  ][];
  for (const [name, fact] of expected) {
    const layout = actual[name];
    if (layout === undefined) {
      out.push(`missing struct ${name} (facts: size ${fact.size})`);
      continue;
    }
    if (layout.size !== fact.size) {
      out.push(`${name}: size is ${layout.size}, facts say ${fact.size}`);
    }
    const fields = fact.fields ?? {};
    for (const [field, { offset, size }] of Object.entries(fields)) {
      const got = layout.fields[field];
      if (got === undefined) {
        out.push(`${name}.${field}: missing (facts: offset ${offset}, size ${size})`);
      } else if (got[0] !== offset || got[1] !== size) {
        out.push(
          `${name}.${field}: [offset ${got[0]}, size ${got[1]}], `
            + `facts say [offset ${offset}, size ${size}]`,
        );
      }
    }
    for (const field of Object.keys(layout.fields)) {
      if (!Object.hasOwn(fields, field)) {
        out.push(`${name}.${field}: extra field (not in the facts)`);
      }
    }
  }
  for (const name of Object.keys(actual)) {
    if (!expected.some(([n]) => n === name)) out.push(`extra struct ${name} (not in the facts)`);
  }
  return out;
}

/** Compares the descriptor's cmsg rules with the `_cmsg` facts. */
function compareCmsg(actual: PlatformDescriptor["cmsg"], fact: CmsgFact): string[] {
  const out: string[] = [];
  const pairs: [string, number, string, number][] = [
    ["headerSize", actual.headerSize, "cmsghdr_size", fact.cmsghdr_size],
    ["align", actual.align, "align", fact.align],
    ["dataOffset", actual.dataOffset, "data_offset", fact.data_offset],
  ];
  for (const [ours, got, theirs, want] of pairs) {
    if (got !== want) out.push(`cmsg.${ours} is ${got}, facts say ${theirs} = ${want}`);
  }
  return out;
}

/** Rounds `n` up to a multiple of `align`, as CMSG_ALIGN does. */
function alignUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

/**
 * Checks CMSG_SPACE(n) = ALIGN(header) + ALIGN(n) and CMSG_LEN(n) =
 * ALIGN(header) + n, computed from the descriptor, against the C macros'
 * recorded values.
 */
function compareCmsgSamples(actual: PlatformDescriptor["cmsg"], fact: CmsgFact): string[] {
  const out: string[] = [];
  const header = alignUp(actual.headerSize, actual.align);
  const samples = Object.entries(fact.samples);
  if (samples.length === 0) out.push("the facts hold no CMSG samples");
  for (const [n, { SPACE, LEN }] of samples) {
    const space = header + alignUp(Number(n), actual.align);
    const len = header + Number(n);
    if (space !== SPACE) out.push(`CMSG_SPACE(${n}) computes to ${space}, facts say ${SPACE}`);
    if (len !== LEN) out.push(`CMSG_LEN(${n}) computes to ${len}, facts say ${LEN}`);
  }
  return out;
}

/** The `_cmsg` entry recorded under `factsKey` in structs.json. */
function cmsgFacts(factsKey: string): CmsgFact {
  const cmsg = factsEntry<StructsFile[string]>("structs.json", factsKey)["_cmsg"];
  if (cmsg === undefined) throw new Error(`structs.json["${factsKey}"] has no _cmsg entry`);
  return cmsg as CmsgFact;
}

/** Fails with every mismatch listed, one per line, if there are any. */
function assertNoMismatches(mismatches: string[], what: string): void {
  assertEquals(
    mismatches,
    [],
    `${what}: ${mismatches.length} mismatch(es):\n  ${mismatches.join("\n  ")}`,
  );
}

/**
 * Registers one test per comparison group between `descriptor` and the facts
 * recorded under `factsKey` ("linux-x86_64", "darwin", "windows", ...).
 */
function compareDescriptor(descriptor: PlatformDescriptor, factsKey: string): void {
  const name = descriptor.os;
  const where = (file: string): string => `${name} vs ${file}["${factsKey}"]`;

  test(`${name}.php equals PHP's constants on ${factsKey}`, () => {
    const facts = factsEntry<ConstantsFile[string]>("constants.json", factsKey);
    assertNoMismatches(compareConstants(descriptor.php, facts), where("constants.json"));
  });

  test(`${name}.native equals the OS constants on ${factsKey}`, () => {
    const facts = factsEntry<ConstantsFile[string]>("native-constants.json", factsKey);
    assertNoMismatches(compareConstants(descriptor.native, facts), where("native-constants.json"));
  });

  test(`${name}.structs match the C struct layouts on ${factsKey}`, () => {
    const facts = factsEntry<StructsFile[string]>("structs.json", factsKey);
    assertNoMismatches(compareStructs(descriptor.structs, facts), where("structs.json"));
  });

  test(`${name}.cmsg matches cmsghdr size, alignment and data offset on ${factsKey}`, () => {
    const cmsg = cmsgFacts(factsKey);
    assertNoMismatches(compareCmsg(descriptor.cmsg, cmsg), where("structs.json") + "._cmsg");
  });

  test(`CMSG_SPACE and CMSG_LEN computed from ${name}.cmsg match ${factsKey}'s samples`, () => {
    const cmsg = cmsgFacts(factsKey);
    assertNoMismatches(
      compareCmsgSamples(descriptor.cmsg, cmsg),
      where("structs.json") + "._cmsg.samples",
    );
  });
}

compareDescriptor(linux, "linux-x86_64");
compareDescriptor(linux, "linux-aarch64");

// --- macOS, FreeBSD and Windows, and the rules beyond the tables ---------------

compareDescriptor(darwin, "darwin");
compareDescriptor(freebsd, "freebsd");
compareDescriptor(windows, "windows");

/** Every descriptor with the facts key(s) it describes. */
const ALL: [PlatformDescriptor, string][] = [
  [linux, "linux-x86_64"],
  [linux, "linux-aarch64"],
  [darwin, "darwin"],
  [freebsd, "freebsd"],
  [windows, "windows"],
];

/** The facts' `[offset, size]` of `struct.field`, or an error naming what is missing. */
function factField(factsKey: string, struct: string, field: string): [number, number] {
  const s = factsEntry<StructsFile[string]>("structs.json", factsKey)[struct] as
    | StructFact
    | undefined;
  const f = s?.fields?.[field];
  if (!f) throw new Error(`structs.json["${factsKey}"].${struct}.${field} is not recorded`);
  return [f.offset, f.size];
}

for (const [d, key] of ALL) {
  test(`${d.os}.msg gives the ${key} message header and buffer fields by role`, () => {
    const isWsa = d.os === "windows";
    // WSAMSG embeds the control buffer as a WSABUF {ULONG len; char *buf}.
    const control = isWsa ? factField(key, "WSAMSG", "Control")[0] : 0;
    const wsabuf = (f: string): [number, number] => {
      const [o, s] = factField(key, "WSABUF", f);
      return [control + o, s];
    };
    const expected = isWsa
      ? {
        size: (factsEntry<StructsFile[string]>("structs.json", key)["WSAMSG"] as StructFact).size,
        name: factField(key, "WSAMSG", "name"),
        namelen: factField(key, "WSAMSG", "namelen"),
        iov: factField(key, "WSAMSG", "lpBuffers"),
        iovlen: factField(key, "WSAMSG", "dwBufferCount"),
        control: wsabuf("buf"),
        controllen: wsabuf("len"),
        flags: factField(key, "WSAMSG", "dwFlags"),
        iovSize: (factsEntry<StructsFile[string]>("structs.json", key)["WSABUF"] as StructFact)
          .size,
        iovBase: factField(key, "WSABUF", "buf"),
        iovLen: factField(key, "WSABUF", "len"),
      }
      : {
        size: (factsEntry<StructsFile[string]>("structs.json", key)["msghdr"] as StructFact).size,
        name: factField(key, "msghdr", "msg_name"),
        namelen: factField(key, "msghdr", "msg_namelen"),
        iov: factField(key, "msghdr", "msg_iov"),
        iovlen: factField(key, "msghdr", "msg_iovlen"),
        control: factField(key, "msghdr", "msg_control"),
        controllen: factField(key, "msghdr", "msg_controllen"),
        flags: factField(key, "msghdr", "msg_flags"),
        iovSize: (factsEntry<StructsFile[string]>("structs.json", key)["iovec"] as StructFact).size,
        iovBase: factField(key, "iovec", "iov_base"),
        iovLen: factField(key, "iovec", "iov_len"),
      };
    assertEquals(JSON.parse(JSON.stringify(d.msg)), expected);
  });

  test(`${d.os}'s rules agree with the ${key} facts (sa_len, SIGPIPE, timeouts, fd_set)`, () => {
    const structs = factsEntry<StructsFile[string]>("structs.json", key);
    const natives = factsEntry<ConstantsFile[string]>("native-constants.json", key);
    const sin = structs["sockaddr_in"] as StructFact;
    assertEquals(d.sockaddrHasLen, Object.hasOwn(sin.fields ?? {}, "sin_len"), "sockaddrHasLen");
    // The chosen SIGPIPE guard must exist there: MSG_NOSIGNAL, SO_NOSIGPIPE, or no signals at all.
    if (d.noSigpipe === "none") assertEquals(d.os, "windows", "only Windows has no SIGPIPE");
    else assertEquals(typeof natives[d.noSigpipe], "number", `${d.noSigpipe} exists`);
    // A DWORD-millisecond timeout is recorded exactly where the descriptor says so.
    assertEquals(
      d.socketTimeout === "milliseconds",
      structs["SO_RCVTIMEO_value"] !== undefined,
      "socketTimeout",
    );
    const fdSet = structs["fd_set"] as StructFact;
    assertEquals(d.fdSetIsList, Object.hasOwn(fdSet.fields ?? {}, "fd_count"), "fdSetIsList");
    // SOCKET errors are WSA codes exactly where host errors are reported natively.
    assertEquals(d.hostErrors === "native", d.php.SOCKET_EWOULDBLOCK === 10035, "hostErrors");
    assertEquals(d.listenAddress.join("."), d.os === "windows" ? "127.0.0.1" : "0.0.0.0");
  });
}
