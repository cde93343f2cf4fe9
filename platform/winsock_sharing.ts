/**
 * Windows' socket sharing between processes, the calls behind PHP's
 * `socket_wsaprotocol_info_*`: `WSADuplicateSocketA()` for the target
 * process, the `WSAPROTOCOL_INFOA` in named memory backed by the paging file
 * (`CreateFileMappingW`, `MapViewOfFile`), and `WSASocketA(FROM_PROTOCOL_INFO)`
 * in the importing process.
 *
 * The ANSI forms are the ones PHP's build calls, so a segment exported here
 * can be imported by PHP and the other way round.
 *
 * @module
 */

import type { NativeLibrary } from "../ffi/load.ts";
import { runtime } from "../ffi/load.ts";
import type { Kernel32Symbols, Ws2Symbols } from "../ffi/ws2_32.ts";
import type { PlatformDescriptor } from "./descriptor.ts";
import type { MappingResult, SocketHandle, SocketSharing } from "./sys.ts";

// winnt.h / winbase.h / winerror.h values.
const PAGE_READWRITE = 0x04;
const FILE_MAP_WRITE = 0x02;
const FILE_MAP_READ = 0x04;
const ERROR_ALREADY_EXISTS = 183;
const INVALID_HANDLE_VALUE = -1;

/** A name as a NUL-terminated UTF-16 string (`LPCWSTR`). */
function wideString(text: string): Uint8Array {
  const out = new Uint16Array(text.length + 1);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return new Uint8Array(out.buffer);
}

/** Creates the sharing calls over opened ws2_32 and kernel32 libraries. */
export function createSharing(
  platform: PlatformDescriptor,
  ws2: NativeLibrary<Ws2Symbols>,
  kernel32: NativeLibrary<Kernel32Symbols>,
): SocketSharing {
  const info = platform.structs.WSAPROTOCOL_INFOA;
  const w = ws2.fn;
  const k = kernel32.fn;
  const fromInfo = platform.native.FROM_PROTOCOL_INFO;

  return {
    infoSize: info.size,
    // The A and W forms share every field before szProtocol (facts record
    // the A form's size and szProtocol only).
    familyOffset: platform.structs.WSAPROTOCOL_INFOW.fields.iAddressFamily[0],
    duplicate(h: SocketHandle, pid: number, out: Uint8Array): number {
      return w.WSADuplicateSocketA(h, pid >>> 0, out);
    },
    fromProtocolInfo(data: Uint8Array): SocketHandle {
      return w.WSASocketA(fromInfo, fromInfo, fromInfo, data, 0, 0);
    },
    createMapping(name: string, size: number): MappingResult {
      k.SetLastError(0);
      const handle = k.CreateFileMappingW(
        INVALID_HANDLE_VALUE,
        null,
        PAGE_READWRITE,
        0,
        size,
        wideString(name),
      );
      return { handle, existed: handle !== 0n && kernel32.lastError() === ERROR_ALREADY_EXISTS };
    },
    openMapping(name: string): bigint {
      return k.OpenFileMappingW(FILE_MAP_READ, 0, wideString(name));
    },
    writeMapping(handle: bigint, data: Uint8Array): boolean {
      const view = k.MapViewOfFile(handle, FILE_MAP_WRITE, 0, 0, data.length);
      if (view === 0n) return false;
      k.RtlMoveMemory(view, data, data.length);
      k.UnmapViewOfFile(view);
      return true;
    },
    readMapping(handle: bigint, size: number): Uint8Array | null {
      const view = k.MapViewOfFile(handle, FILE_MAP_READ, 0, 0, size);
      if (view === 0n) return null;
      const bytes = runtime.copyOut(view, size);
      k.UnmapViewOfFile(view);
      return bytes;
    },
    closeMapping(handle: bigint): void {
      k.CloseHandle(handle);
    },
    lastError: kernel32.lastError,
  };
}
