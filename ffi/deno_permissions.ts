/**
 * Deno's permission state, asked once per query and job while it stays
 * granted.
 *
 * `Deno.permissions.querySync` costs about 1.6 µs per call and grows the
 * process by some 8 MiB per million calls, which a UDP sender checking every
 * datagram's address cannot afford (it halved `socket_sendto`'s rate). So a
 * grant is remembered, per query object, for the rest of the current job
 * (until the microtask checkpoint). A grant can only be lost through
 * `revoke`/`revokeSync` (requests only add grants; denials are never
 * remembered), in this isolate or in another one of the process (workers
 * share the grants, both ways):
 * - in this isolate: both methods are wrapped on the permissions prototype,
 *   and each call forgets every grant at once;
 * - in a worker: whatever it does reaches this isolate as a message, which
 *   starts a new job, by which time the grants are forgotten.
 * The one case this misses is a thread blocked in `Atomics.wait` while a
 * worker revokes: its checks until the end of the job use the old grant.
 * Where the methods cannot be wrapped, every check asks Deno.
 *
 * Callers must pass the same query object each time for the memory to help
 * (the socket layer keeps one per address) and must not change it.
 *
 * @module
 */

import type { PermissionQuery } from "./native.ts";

type PermissionState = "granted" | "denied" | "prompt";

/**
 * Bumped whenever every remembered grant must be forgotten: when a revocation
 * starts or ends, and at the end of a job that remembered one.
 */
let generation = 0;
/** Each granted query and the generation it was granted in. */
const grants = new WeakMap<PermissionQuery, number>();
/** Whether a microtask will end the current generation. */
let endQueued = false;

function endGenerationAfterJob(): void {
  if (endQueued) return;
  endQueued = true;
  queueMicrotask(() => {
    endQueued = false;
    generation++;
  });
}

/**
 * Replaces `revoke` and `revokeSync` on the prototype of `Deno.permissions`
 * by wrappers that count the revocation before and after the original runs
 * (and again when `revoke`'s promise settles), so no query answered while a
 * revocation is under way is remembered past it. Returns false, changing
 * nothing, if the prototype cannot take them.
 */
function watchRevocations(): boolean {
  const proto = Object.getPrototypeOf(Deno.permissions) as Record<string, unknown> | null;
  if (proto === null || !Object.isExtensible(proto)) return false;
  const names = ["revoke", "revokeSync"] as const;
  const originals = names.map((name) => proto[name]);
  if (!originals.every((f) => typeof f === "function")) return false;
  const wrappers = originals.map((original) => {
    const wrapped = function(this: unknown, ...args: unknown[]): unknown {
      generation++;
      try {
        const result = (original as (...a: unknown[]) => unknown).apply(this, args);
        if (result instanceof Promise) {
          result.then(() => generation++, () => generation++);
        }
        return result;
      } finally {
        generation++;
      }
    };
    Object.defineProperty(wrapped, "name", { value: (original as { name: string }).name });
    return wrapped;
  });
  try {
    names.forEach((name, i) => {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      Object.defineProperty(proto, name, { ...descriptor, value: wrappers[i] });
    });
  } catch {
    names.forEach((name, i) => {
      try {
        Object.defineProperty(proto, name, { value: originals[i] });
      } catch { /* left as it was */ }
    });
    return false;
  }
  return true;
}

/**
 * Whether revocations are counted. The methods are wrapped when the module
 * loads, before the code importing it runs, so that code cannot have taken
 * the unwrapped ones (a module evaluated earlier could have).
 */
const watching = typeof Deno !== "undefined" && watchRevocations();

/** Deno's current answer to `query`; a grant from earlier in the same job if nothing was revoked since. */
export function denoPermission(query: PermissionQuery): PermissionState {
  if (watching && grants.get(query) === generation) return "granted";
  const before = generation;
  const state = Deno.permissions.querySync(query).state;
  if (watching && state === "granted" && generation === before) {
    grants.set(query, before);
    endGenerationAfterJob();
  }
  return state;
}
