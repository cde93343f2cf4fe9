/**
 * What every TypeScript bench runner shares: argument parsing, a warm-up
 * followed by one timed run, and the JSON lines the driver reads.
 *
 * A runner is invoked as `<runner> WORKLOAD=SIZE...` and prints one line per
 * workload: `{"workload": W, "ops": N, "seconds": T}` (the fastest batch; plus
 * `rss_before` and `rss_after` for `memory` and `memory_stream`), or
 * `{"workload": W, "na": "why"}` when it has no such workload.
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
 * The timed part of a run is split into this many equal batches, and the
 * fastest one is reported: on a machine shared with other work, the least
 * disturbed batch is the best estimate of what the code itself costs. Every
 * runner (C, PHP, TypeScript) measures the same way.
 */
const BATCHES = 10;

/**
 * Runs each `WORKLOAD=SIZE` of the command line in turn: a warm-up batch of
 * a tenth of the size, then ten timed batches of a tenth each, reporting the
 * fastest. `memory*` workloads run their whole size twice (warm-up, then
 * timed, with RSS read before and after). A string instead of a workload is
 * the reason it is not available.
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
    if (memory) {
      // All the operations once to warm up, so that the heaps have grown to
      // their working size before RSS is first read; then all of them again.
      await w(n);
      const before = rss();
      const t = performance.now();
      await w(n);
      const seconds = (performance.now() - t) / 1000;
      console.log(
        JSON.stringify({ workload, ops: n, seconds, rss_before: before, rss_after: rss() }),
      );
      continue;
    }
    const batch = Math.max(1, Math.floor(n / BATCHES));
    await w(batch);
    let best = Infinity;
    for (let i = 0; i < BATCHES; i++) {
      const t = performance.now();
      await w(batch);
      best = Math.min(best, performance.now() - t);
    }
    console.log(JSON.stringify({ workload, ops: batch, seconds: best / 1000, batches: BATCHES }));
  }
}
