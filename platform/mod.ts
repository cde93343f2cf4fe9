/**
 * Detects the OS once and exports its descriptor and its {@link Sys}.
 *
 * Nothing above `platform/` asks which OS it runs on; it reads
 * {@link platform} (data) and calls {@link sys} (code).
 *
 * @module
 */

import { runtime } from "../ffi/load.ts";
import type { PlatformDescriptor } from "./descriptor.ts";
import { linux } from "./linux.ts";
import { createPosixSys } from "./posix.ts";
import type { Sys } from "./sys.ts";

export type { PermissionQuery } from "../ffi/load.ts";
export type { PlatformDescriptor, StructLayout } from "./descriptor.ts";
export { INVALID_HANDLE, Ready } from "./sys.ts";
export type { AddrInfoEntry, AddrInfoHints, HostLookup, SocketHandle, Sys } from "./sys.ts";
export type { MessageParts } from "./sys.ts";

/** Whether the runtime enforces permissions that the module must honour (Deno). */
export const hasPermissions: boolean = runtime.hasPermissions;

/** Asks the runtime's permission system (Deno); always "granted" under Bun. */
export const permission: typeof runtime.permission = (query) => runtime.permission(query);

function select(): PlatformDescriptor {
  switch (runtime.os) {
    case "linux":
      return linux;
    default:
      throw new Error(`php-sockets does not support ${runtime.os} yet`);
  }
}

/** The descriptor of the running platform. */
export const platform: PlatformDescriptor = select();

let instance: Sys | undefined;

/** The system interface of the running platform; opens the C library on first use. */
export function sys(): Sys {
  return instance ??= createPosixSys(platform);
}
