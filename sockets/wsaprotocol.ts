/**
 * Handing a socket to another process on Windows:
 * `socket_wsaprotocol_info_export`, `socket_wsaprotocol_info_import`,
 * `socket_wsaprotocol_info_release` (reference §4.3-4.5).
 *
 * The exporter duplicates the socket for the target process
 * (`WSADuplicateSocket`), stores the resulting `WSAPROTOCOL_INFO` in named
 * shared memory (`php_wsa_for_N`) and returns the name; the target imports
 * it with `WSASocket(FROM_PROTOCOL_INFO)`; the exporter releases the memory.
 * The segment has the layout PHP for Windows uses, so PHP and this module
 * can hand sockets to each other.
 *
 * Off Windows the functions exist (ES exports are static) but throw.
 *
 * @module
 */

import { sys } from "../platform/mod.ts";
import type { SocketSharing } from "../platform/mod.ts";
import { checkArgCount, checkOpen, intArg, socketArg, stringArg } from "./args.ts";
import { warn } from "./errors.ts";
import { newSocket, type Socket } from "./socket.ts";

/** Mappings this process exported and has not released: name to handle. */
const exported = new Map<string, bigint>();
let counter = 0;

/** The Windows calls, or PHP's "no such function" as an Error off Windows. */
function sharing(fn: string): SocketSharing {
  const s = sys().sharing;
  if (s === undefined) throw new Error(`${fn}() is available on Windows only`);
  return s;
}

/** PHP's `[0x%08lx]` rendering of a Windows error code. */
function hex(code: number): string {
  return `0x${(code >>> 0).toString(16).padStart(8, "0")}`;
}

/** `[0x...]: text`, or `[0x...]` alone when the system has no text, as PHP prints it. */
function withText(code: number): string {
  const text = sys().strerror(code);
  return text === "" ? `[${hex(code)}]` : `[${hex(code)}]: ${text}`;
}

/**
 * Exports a socket for another process: duplicates it for `process_id` and
 * publishes the result under a name that process can import.
 *
 * Calls `WSADuplicateSocket()`, `CreateFileMapping()` and `MapViewOfFile()`.
 *
 * @param socket The socket to share; it stays open and usable here.
 * @param process_id The id of the process that will import it.
 * @returns The name to pass to `socket_wsaprotocol_info_import()` in that process
 *   (`php_wsa_for_0`, `php_wsa_for_1`, ...), or `false` with a warning
 *   `Unable to export WSA protocol info [0x%08x]: text` (or a file-mapping warning).
 * @throws {Error} Off Windows: `socket_wsaprotocol_info_export() is available on Windows only`.
 *   On Windows, if the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SOCK_STREAM, socket_create, socket_wsaprotocol_info_export } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_STREAM, 0);
 * // On Windows: const id = s && socket_wsaprotocol_info_export(s, childPid);
 * ```
 *
 * Differences from PHP: PHP on other systems has no such function; here it
 * exists and throws. Where a name `php_wsa_for_N` is already taken (another
 * process exported under it), PHP overwrites that process's segment; here the
 * next free number is used. No error code is stored, as in PHP.
 */
export function socket_wsaprotocol_info_export(socket: Socket, process_id: number): string | false {
  const fn = "socket_wsaprotocol_info_export";
  const share = sharing(fn);
  checkArgCount(fn, arguments.length, 2, 2);
  const state = socketArg(fn, 1, "socket", socket);
  process_id = intArg(fn, 2, "process_id", process_id);
  checkOpen(fn, state);
  const info = new Uint8Array(share.infoSize);
  if (share.duplicate(state.fd, process_id, info) !== 0) {
    warn(fn, `Unable to export WSA protocol info ${withText(sys().lastError())}`);
    return false;
  }
  for (;;) {
    const name = `php_wsa_for_${counter++}`;
    const mapping = share.createMapping(name, info.length);
    if (mapping.handle === 0n) {
      warn(fn, `Unable to create file mapping [${hex(share.lastError())}]`);
      return false;
    }
    if (mapping.existed) {
      share.closeMapping(mapping.handle);
      continue;
    }
    if (!share.writeMapping(mapping.handle, info)) {
      const code = share.lastError();
      share.closeMapping(mapping.handle);
      warn(fn, `Unable to map file view [${hex(code)}]`);
      return false;
    }
    exported.set(name, mapping.handle);
    return name;
  }
}

/**
 * Imports a socket another process exported for this one.
 *
 * Calls `OpenFileMapping()`, `MapViewOfFile()` and
 * `WSASocket(FROM_PROTOCOL_INFO)`.
 *
 * @param info_id The name `socket_wsaprotocol_info_export()` returned there.
 * @returns The socket (blocking, of the exported socket's family), or `false` with a
 *   warning `Unable to open file mapping [0x%08x]`, `Unable to map file view [0x%08x]`
 *   or `Unable to import WSA protocol info [0x%08x]: text`.
 * @throws {Error} Off Windows: `socket_wsaprotocol_info_import() is available on Windows only`.
 * @example
 * ```ts
 * import { socket_wsaprotocol_info_import } from "./mod.ts";
 * // On Windows, in the target process: const s = socket_wsaprotocol_info_import(id);
 * ```
 *
 * Differences from PHP: off Windows it throws instead of not existing; the
 * mapping handle is closed on every path (PHP leaks it when the view fails).
 */
export function socket_wsaprotocol_info_import(info_id: string): Socket | false {
  const fn = "socket_wsaprotocol_info_import";
  const share = sharing(fn);
  checkArgCount(fn, arguments.length, 1, 1);
  info_id = stringArg(fn, 1, "info_id", info_id);
  const mapping = share.openMapping(info_id);
  if (mapping === 0n) {
    warn(fn, `Unable to open file mapping [${hex(share.lastError())}]`);
    return false;
  }
  const info = share.readMapping(mapping, share.infoSize);
  if (info === null) {
    const code = share.lastError();
    share.closeMapping(mapping);
    warn(fn, `Unable to map file view [${hex(code)}]`);
    return false;
  }
  share.closeMapping(mapping);
  const s = sys();
  const fd = share.fromProtocolInfo(info);
  if (fd < 0) {
    warn(fn, `Unable to import WSA protocol info ${withText(s.lastError())}`);
    return false;
  }
  const family = new DataView(info.buffer, info.byteOffset).getInt32(share.familyOffset, true);
  return newSocket(fd, family);
}

/**
 * Releases the shared memory of an export once the other process imported
 * it. Must be called in the exporting process.
 *
 * Calls `CloseHandle()`.
 *
 * @param info_id A name `socket_wsaprotocol_info_export()` returned in this process.
 * @returns `true` if it was exported here and is now released, `false` otherwise (no warning).
 * @throws {Error} Off Windows: `socket_wsaprotocol_info_release() is available on Windows only`.
 * @example
 * ```ts
 * import { socket_wsaprotocol_info_release } from "./mod.ts";
 * // On Windows, in the exporting process: socket_wsaprotocol_info_release(id);
 * ```
 *
 * Differences from PHP: off Windows it throws instead of not existing.
 */
export function socket_wsaprotocol_info_release(info_id: string): boolean {
  const fn = "socket_wsaprotocol_info_release";
  const share = sharing(fn);
  checkArgCount(fn, arguments.length, 1, 1);
  info_id = stringArg(fn, 1, "info_id", info_id);
  const handle = exported.get(info_id);
  if (handle === undefined) return false;
  exported.delete(info_id);
  share.closeMapping(handle);
  return true;
}
