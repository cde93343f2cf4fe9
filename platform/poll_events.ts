/**
 * Translation between the portable {@link Ready} bits and a backend's
 * `pollfd` event bits. Each backend owns its tables (Winsock's `WSAPoll`
 * takes `POLLRDNORM`/`POLLWRNORM` and refuses `POLLPRI`), and its
 * synchronous and asynchronous polls share them.
 *
 * @module
 */

import { Ready } from "./sys.ts";

/** `[portable, native]` bit pairs. */
export type EventTable = readonly (readonly [portable: number, native: number])[];

/** What a backend asks `poll()` for, and how it reads the answer. */
export interface PollEvents {
  /** The bits a request may carry. */
  readonly request: EventTable;
  /** The bits an answer may carry. */
  readonly result: EventTable;
}

/** The POSIX tables, from the platform's `POLL*` values. */
export function posixPollEvents(n: Readonly<Record<string, number>>): PollEvents {
  const table: EventTable = [
    [Ready.In, n.POLLIN],
    [Ready.Pri, n.POLLPRI],
    [Ready.Out, n.POLLOUT],
    [Ready.Err, n.POLLERR],
    [Ready.Hup, n.POLLHUP],
    [Ready.Invalid, n.POLLNVAL],
  ];
  return { request: table, result: table };
}

/** The native bits for portable `ready` bits. */
export function toNative(table: EventTable, ready: number): number {
  let bits = 0;
  for (const [portable, native] of table) if (ready & portable) bits |= native;
  return bits;
}

/** The portable bits for native `bits`. */
export function fromNative(table: EventTable, bits: number): number {
  let ready = 0;
  if (bits !== 0) { for (const [portable, native] of table) if (bits & native) ready |= portable; }
  return ready;
}
