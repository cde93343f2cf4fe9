/**
 * Detects the OS once and exports its descriptor and its {@link Sys}.
 *
 * Nothing above `platform/` asks which OS it runs on; it reads
 * {@link platform} (data) and calls {@link sys} (code).
 *
 * @module
 */

import { runtime } from "../ffi/load.ts";
import { darwin } from "./darwin.ts";
import type { PlatformDescriptor } from "./descriptor.ts";
import { freebsd } from "./freebsd.ts";
import { linux } from "./linux.ts";
import { createPosixSys } from "./posix.ts";
import type { Sys } from "./sys.ts";
import { windows } from "./windows.ts";
import { createWinsockSys } from "./winsock.ts";

export type { PermissionQuery } from "../ffi/load.ts";
export type { PlatformDescriptor, StructLayout } from "./descriptor.ts";
export type { MessageParts } from "./message.ts";
export { readVector, receiveMessage, sendMessage, writeVector } from "./message.ts";
export { DEAD_HANDLE, INVALID_HANDLE, Ready } from "./sys.ts";
export type {
  AddrInfoEntry,
  AddrInfoHints,
  HostLookup,
  InterfaceAddress,
  MappingResult,
  SocketHandle,
  SocketSharing,
  Sys,
} from "./sys.ts";

/** Whether the runtime enforces permissions that the module must honour (Deno). */
export const hasPermissions: boolean = runtime.hasPermissions;

/** Asks the runtime's permission system (Deno); always "granted" under Bun. */
export const permission: typeof runtime.permission = (query) => runtime.permission(query);

/** The descriptor of the running OS: Linux (x86_64 and aarch64 agree), macOS, FreeBSD, Windows. */
function select(): PlatformDescriptor {
  switch (runtime.os) {
    case "linux":
      return linux;
    case "darwin":
      return darwin;
    case "freebsd":
      return freebsd;
    case "windows":
      return windows;
  }
}

/** The descriptor of the running platform. */
export const platform: PlatformDescriptor = select();

let instance: Sys | undefined;

/**
 * The system interface of the running platform; opens the C library (or
 * starts Winsock) on first use.
 */
export function sys(): Sys {
  return instance ??= platform.os === "windows"
    ? createWinsockSys(platform)
    : createPosixSys(platform);
}
