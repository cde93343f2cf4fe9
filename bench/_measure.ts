/**
 * What every TypeScript bench runner shares: argument parsing, a warm-up
 * followed by one timed run, and the JSON lines the driver reads.
 *
 * A runner is invoked as `<runner> WORKLOAD=SIZE...` and prints one line per
 * workload: `{"workload": W, "ops": N, "seconds": T}` (plus `rss_before` and
 * `rss_after` for `memory` and `memory_stream`), or `{"workload": W, "na": "why"}` when it has
 * no such workload.
 *
 * @module
 */

/** One workload: runs `n` operations. Called once to warm up, once timed. */
export type Workload = (n: number) => void | Promise<void>;

/** The command-line arguments in both runtimes. */
function args(): string[] {
  const g = globalThis as { Deno?: { args: string[] }; process?: { argv: string[] } };
  return g.Deno ? g.Deno.args : g.process!.argv.slice(2);
}

/** The process's resident set size in bytes, after a full GC where the runtime allows one. */
export function rss(): number {
  const g = globalThis as {
    gc?: () => void;
    Bun?: { gc(full: boolean): void };
    Deno?: { memoryUsage(): { rss: number } };
    process?: { memoryUsage(): { rss: number } };
  };
  if (g.Bun) g.Bun.gc(true);
  else g.gc?.();
  return g.Deno ? g.Deno.memoryUsage().rss : g.process!.memoryUsage().rss;
}

/**
 * Runs each `WORKLOAD=SIZE` of the command line in turn: a warm-up of a
 * tenth of the size (at least one operation; `memory`: the whole size),
 * then the timed run. A string instead of a workload is the reason it is
 * not available.
 */
export async function main(workloads: Record<string, Workload | string>): Promise<void> {
  for (const arg of args()) {
    const [workload, size] = arg.split("=");
    const n = Number(size);
    const w = workloads[workload] ?? "n/a";
    if (typeof w === "string") {
      console.log(JSON.stringify({ workload, na: w }));
      continue;
    }
    const memory = workload.startsWith("memory");
    // The memory workload warms up with all its operations, so that the
    // heaps have grown to their working size before RSS is first read.
    await w(memory ? n : Math.max(1, Math.floor(n / 10)));
    const before = memory ? rss() : 0;
    const t = performance.now();
    await w(n);
    const seconds = (performance.now() - t) / 1000;
    const extra = memory ? { rss_before: before, rss_after: rss() } : {};
    console.log(JSON.stringify({ workload, ops: n, seconds, ...extra }));
  }
}
