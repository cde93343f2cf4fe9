/**
 * Scratch buffers whose data starts in the middle of a 1 KiB block.
 *
 * Turning received bytes into a byte string copies them with the C library's
 * `memmove` (Bun; V8 copies with its own code). glibc 2.36 copies large
 * blocks with `rep movsb`, and on AMD Zen that instruction slows down about
 * sevenfold when the destination lies a few bytes above the source modulo
 * the page size. JavaScriptCore's string storage starts just past a 1 KiB
 * boundary (its header), so a source at such a boundary is the slow case:
 * 64 KiB took 25 µs instead of 3.5 µs under Bun on this machine's EPYC
 * (`GLIBC_TUNABLES=glibc.cpu.x86_rep_movsb_threshold=...` shows the same
 * gain). A source 512 bytes past a 1 KiB boundary is far from every
 * destination the allocator hands out, so the copy stays fast.
 *
 * @module
 */

import { runtime } from "../ffi/load.ts";

/** Where in a 1 KiB block a scratch buffer's data starts. */
const BLOCK = 1024;
const START_IN_BLOCK = 512;

/**
 * A zeroed buffer of `size` bytes whose first byte lies 512 bytes past a
 * 1 KiB boundary. Large typed arrays live off the JS heap and never move,
 * so the placement holds for the buffer's lifetime. Internal.
 */
export function scratchBuffer(size: number): Uint8Array {
  const backing = new Uint8Array(size + BLOCK);
  const at = Number(runtime.addressOf(backing) % BigInt(BLOCK));
  const skip = (START_IN_BLOCK - at + BLOCK) % BLOCK;
  return backing.subarray(skip, skip + size);
}
