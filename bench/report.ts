/**
 * Turns the runners' result lines into the benchmark tables: medians,
 * spreads and ratios to C, the per-call cost of the FFI wrapper against a
 * raw FFI call, memory, and the speed targets. Run by `bench/run.sh`:
 *
 *   deno run --allow-read --allow-write bench/report.ts META RESULTS OUT_DIR
 *
 * Writes OUT_DIR/latest.json and OUT_DIR/latest.md and prints the Markdown.
 *
 * @module
 */

interface Line {
  runner: string;
  round: number;
  workload: string;
  ops?: number;
  seconds?: number;
  rss_before?: number;
  rss_after?: number;
  na?: string;
  error?: string;
}

interface Cell {
  /** Median over the rounds, in the row's unit. */
  median: number;
  min: number;
  max: number;
  rounds: number;
  /** The median divided by C's (time rows: C's time divided by this one). */
  vs_c?: number;
}

const [metaPath, resultsPath, outDir] = Deno.args;
const meta: Record<string, string> = {};
for (const line of Deno.readTextFileSync(metaPath).split("\n")) {
  const at = line.indexOf("=");
  if (at > 0) meta[line.slice(0, at)] = line.slice(at + 1);
}
const lines: Line[] = Deno.readTextFileSync(resultsPath).split("\n").filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const RUNNERS: Record<string, string> = {
  c: "C",
  "c-mt": "C, 2 threads",
  php: "PHP 8.2",
  "api-deno": "API Deno",
  "api-bun": "API Bun",
  "raw-deno": "raw FFI Deno",
  "raw-bun": "raw FFI Bun",
  "native-deno": "Deno.connect",
  "native-bun": "Bun.connect",
};

const ROWS: Record<string, [label: string, unit: string]> = {
  pp_unix: ["ping-pong, socketpair (1 byte)", "round trips/s"],
  pp_tcp: ["ping-pong, TCP loopback (1 byte)", "round trips/s"],
  bulk: ["bulk, 64 KiB writes, socketpair", "MiB/s"],
  bulk_copy: ["bulk, C copies each read to a new buffer", "MiB/s"],
  udp: ["UDP, 64-byte datagrams", "datagrams/s"],
  churn: ["TCP connect + accept + close", "connections/s"],
  select_100: ["socket_select, 100 sockets, 1 ready", "calls/s"],
  select_1000: ["socket_select, 1,000 sockets, 1 ready", "calls/s"],
  select_10000: ["socket_select, 10,000 sockets, 1 ready", "calls/s"],
};

/** The figure a result line stands for, in its row's unit. */
function value(l: Line): number {
  const s = l.seconds!, n = l.ops!;
  if (l.workload.startsWith("bulk")) return n / 2 ** 20 / s;
  if (l.workload.startsWith("call_") || l.workload.startsWith("sys_")) return (s * 1e9) / n;
  return n / s;
}

const isTime = (w: string): boolean => w.startsWith("call_") || w.startsWith("sys_");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// workload -> runner -> cell, or the reason there is none.
const cells = new Map<string, Map<string, Cell | string>>();
const byKey = new Map<string, Line[]>();
for (const l of lines) {
  const key = `${l.workload}\u0000${l.runner}`;
  if (!byKey.has(key)) byKey.set(key, []);
  byKey.get(key)!.push(l);
}
for (const [key, ls] of byKey) {
  const [w, r] = key.split("\u0000");
  if (!cells.has(w)) cells.set(w, new Map());
  const ok = ls.filter((l) => l.seconds !== undefined);
  const errors = ls.filter((l) => l.error);
  if (errors.length > 0 && ok.length === 0) {
    cells.get(w)!.set(r, "failed");
  } else if (ok.length === 0) {
    cells.get(w)!.set(r, ls[0].na ?? "n/a");
  } else {
    const xs = ok.map(value);
    cells.get(w)!.set(r, {
      median: median(xs),
      min: Math.min(...xs),
      max: Math.max(...xs),
      rounds: xs.length,
    });
  }
}
for (const [w, row] of cells) {
  const c = row.get("c");
  if (typeof c !== "object") continue;
  for (const cell of row.values()) {
    if (typeof cell === "object") {
      cell.vs_c = isTime(w) ? c.median / cell.median : cell.median / c.median;
    }
  }
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "median ±spread%" where the spread is half the range over the median. */
function figure(cell: Cell, digits = 0): string {
  const spread = cell.rounds > 1 ? ` ±${fmt((50 * (cell.max - cell.min)) / cell.median)}%` : "";
  return `${fmt(cell.median, digits)}${spread}`;
}

function get(w: string, r: string): Cell | string {
  return cells.get(w)?.get(r) ?? "-";
}

const out: string[] = [];
const table = (head: string[], rows: string[][]): void => {
  out.push(`| ${head.join(" | ")} |`);
  out.push(`| ${head.map((_, i) => i === 0 ? "---" : "---:").join(" | ")} |`);
  for (const row of rows) out.push(`| ${row.join(" | ")} |`);
  out.push("");
};

const load = meta.load_start === meta.load_end
  ? meta.load_start
  : `${meta.load_start} at the start, ${meta.load_end} at the end`;
out.push(
  `Machine: ${meta.cores} cores, ${meta.cpu}, ${meta.kernel}; ${meta.deno}, bun ${meta.bun}, `
    + `PHP ${meta.php}, gcc ${meta.gcc}. ${meta.date}, ${meta.mode} mode, ${meta.rounds} `
    + `round(s), ${meta.seconds} s; load average (1, 5, 15 min) ${load}.`,
  "",
);

// Throughput: absolute medians with spreads, then ratios to C.
const runners = Object.keys(RUNNERS).filter((r) => lines.some((l) => l.runner === r));
const rows = Object.keys(ROWS).filter((w) => cells.has(w));
if (rows.length > 0) {
  out.push("Throughput, median over the rounds ± half the range (higher is better):", "");
  table(
    ["workload", "unit", ...runners.map((r) => RUNNERS[r])],
    rows.map((w) => [
      ROWS[w][0],
      ROWS[w][1],
      ...runners.map((r) => {
        const c = get(w, r);
        return typeof c === "string" ? c : figure(c);
      }),
    ]),
  );
  out.push("The same as a multiple of C (PHP API columns: ≥ 0.90 and ≥ PHP is the target):", "");
  table(
    ["workload", ...runners.map((r) => RUNNERS[r])],
    rows.map((w) => [
      ROWS[w][0],
      ...runners.map((r) => {
        const c = get(w, r);
        return typeof c === "string" ? c : c.vs_c === undefined ? "-" : `${fmt(c.vs_c, 2)}×`;
      }),
    ]),
  );
}

// Per-call cost: C, PHP, and per runtime raw FFI, the module's wrapper, the PHP API.
const CALLS: Record<string, string> = {
  send: "send(fd, buf, 0, 0)",
  eagain: "recv(fd, buf, 1, MSG_DONTWAIT) → EAGAIN",
};
const callRows = Object.keys(CALLS).filter((k) => cells.has(`call_${k}`) || cells.has(`sys_${k}`));
if (callRows.length > 0) {
  const ns = (c: Cell | string, digits = 0): string =>
    typeof c === "string" ? c : figure(c, digits);
  const over = (c: Cell | string, base: Cell | string): string =>
    typeof c === "string" || typeof base === "string"
      ? ""
      : ` (${c.median >= base.median ? "+" : ""}${
        fmt((100 * (c.median - base.median)) / base.median)
      }%)`;
  out.push(
    "Per call, ns (lower is better). Wrapper = the module's FFI layer (`sys()`), "
      + "PHP API = `socket_send` / `socket_recv`; the wrapper's cost over the raw FFI call in brackets:",
    "",
  );
  table(
    [
      "call",
      "C",
      "C, 2 threads",
      "PHP 8.2",
      "raw FFI Deno",
      "wrapper Deno",
      "PHP API Deno",
      "raw FFI Bun",
      "wrapper Bun",
      "PHP API Bun",
    ],
    callRows.map((k) => [
      CALLS[k],
      ns(get(`call_${k}`, "c"), 1),
      ns(get(`call_${k}`, "c-mt"), 1),
      ns(get(`call_${k}`, "php")),
      ns(get(`call_${k}`, "raw-deno")),
      ns(get(`sys_${k}`, "api-deno"))
      + over(get(`sys_${k}`, "api-deno"), get(`call_${k}`, "raw-deno")),
      ns(get(`call_${k}`, "api-deno")),
      ns(get(`call_${k}`, "raw-bun")),
      ns(get(`sys_${k}`, "api-bun"))
      + over(get(`sys_${k}`, "api-bun"), get(`call_${k}`, "raw-bun")),
      ns(get(`call_${k}`, "api-bun")),
    ]),
  );
}

// Memory: RSS before and after the operations, per round.
const MEMORY: Record<string, string> = { memory: "mixed", memory_stream: "stream" };
const mem = lines.filter((l) => l.workload in MEMORY && l.rss_after !== undefined);
if (mem.length > 0) {
  const MiB = (b: number): string => fmt(b / 2 ** 20, 1);
  out.push(
    `Memory: RSS before and after ${fmt(mem[0].ops!)} operations, after as many operations to `
      + "warm up and after a full GC where the runtime allows one, median over the rounds. "
      + "Mixed: a socketpair write/read and a UDP sendto/recvfrom per 4 operations; "
      + "stream: socketpair write/read only:",
    "",
  );
  const rows: string[][] = [];
  for (const w of Object.keys(MEMORY)) {
    for (const r of ["php", "api-deno", "api-bun"]) {
      const ls = mem.filter((l) => l.runner === r && l.workload === w);
      if (ls.length === 0) continue;
      const growth = ls.map((l) => l.rss_after! - l.rss_before!);
      rows.push([
        `${RUNNERS[r]}, ${MEMORY[w]}`,
        MiB(median(ls.map((l) => l.rss_before!))),
        MiB(median(ls.map((l) => l.rss_after!))),
        `${MiB(median(growth))} (${growth.map(MiB).join(", ")})`,
      ]);
    }
  }
  table(
    ["runner, operations", "RSS before, MiB", "RSS after, MiB", "growth, MiB (per round)"],
    rows,
  );
}

// The targets.
const checks: string[] = [];
for (const rt of ["deno", "bun"]) {
  for (const w of ["pp_unix", "pp_tcp", "bulk"]) {
    const a = get(w, `api-${rt}`), c = get(w, "c"), p = get(w, "php"), mt = get(w, "c-mt");
    if (typeof a === "string" || typeof c === "string") continue;
    const phpOk = typeof p === "string" || a.median >= p.median;
    const pass = a.vs_c! >= 0.9 && phpOk;
    checks.push(
      `${pass ? "met" : "MISSED"}: ${ROWS[w][0]}, API ${rt}: ${fmt(a.vs_c!, 2)}× C`
        + (typeof p === "string" ? "" : `, ${fmt(a.median / p.median, 2)}× PHP`)
        + (typeof mt === "string" ? "" : ` (${fmt(a.median / mt.median, 2)}× C with 2 threads)`),
    );
  }
  for (const k of Object.keys(CALLS)) {
    const s = get(`sys_${k}`, `api-${rt}`), raw = get(`call_${k}`, `raw-${rt}`);
    if (typeof s === "string" || typeof raw === "string") continue;
    const pct = (100 * (s.median - raw.median)) / raw.median;
    checks.push(
      `${pct <= 10 ? "met" : "MISSED"}: wrapper over raw FFI, ${CALLS[k]}, ${rt}: ${fmt(pct, 1)}%`,
    );
  }
  for (const w of Object.keys(MEMORY)) {
    const m = mem.filter((l) => l.runner === `api-${rt}` && l.workload === w);
    if (m.length === 0) continue;
    const growth = median(m.map((l) => l.rss_after! - l.rss_before!));
    checks.push(
      `${growth < 2 ** 20 ? "met" : "MISSED"}: RSS growth over the ${
        MEMORY[w]
      } operations, ${rt}: ${fmt(growth / 2 ** 20, 2)} MiB (limit: under 1 MiB)`,
    );
  }
}
if (meta.mode === "quick") {
  out.push("Quick mode (a smoke run with tiny sizes): the figures are not measurements.", "");
} else if (checks.length > 0) {
  out.push("Targets:", "");
  for (const c of checks) out.push(`- ${c}`);
  out.push("");
}

const errors = lines.filter((l) => l.error);
if (errors.length > 0) {
  out.push("Failed runs:", "");
  for (const e of errors) out.push(`- ${e.runner} ${e.workload} (round ${e.round}): ${e.error}`);
  out.push("");
}

const markdown = out.join("\n");
Deno.mkdirSync(outDir, { recursive: true });
Deno.writeTextFileSync(`${outDir}/latest.md`, markdown);
Deno.writeTextFileSync(
  `${outDir}/latest.json`,
  JSON.stringify(
    {
      machine: meta,
      summary: Object.fromEntries(
        [...cells].map((
          [w, row],
        ) => [w, { unit: ROWS[w]?.[1] ?? "ns/call", ...Object.fromEntries(row) }]),
      ),
      results: lines,
    },
    null,
    2,
  ) + "\n",
);
console.log(markdown);
