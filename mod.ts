/**
 * PHP's `sockets` extension for Deno and Bun, over the runtimes' built-in FFI.
 *
 * Every function keeps its PHP name, parameters and behaviour: `false` plus
 * a warning and `socket_last_error()` on a failing system call, PHP 8's
 * exceptions (with PHP's messages) for invalid arguments. Data are byte
 * strings (one character per byte) or `Uint8Array`s; PHP's by-reference
 * parameters are {@link Ref} objects.
 *
 * @example
 * ```ts
 * import {
 *   AF_UNIX, SOCK_STREAM, Socket,
 *   socket_create_pair, socket_read, socket_write,
 * } from "./mod.ts";
 *
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * socket_write(pair[0], "hello\n");
 * console.log(socket_read(pair[1], 100)); // "hello\n"
 * ```
 *
 * @module
 */

export type { SocketHandle } from "./platform/mod.ts";
export type { Ref } from "./sockets/args.ts";
export {
  bytesToString,
  byteStringToText,
  stringToBytes,
  textToByteString,
} from "./sockets/bytes.ts";
export { defined } from "./sockets/defined.ts";
export {
  ArgumentCountError,
  defaultWarningHandler,
  setWarningHandler,
  ValueError,
  withoutWarnings,
} from "./sockets/errors.ts";
export type { WarningHandler } from "./sockets/errors.ts";
export { AddressInfo, Socket } from "./sockets/socket.ts";

export {
  socket_bind,
  socket_connect,
  socket_getpeername,
  socket_getsockname,
} from "./sockets/address.ts";
export {
  socket_read,
  socket_recv,
  socket_recvfrom,
  socket_send,
  socket_sendto,
  socket_write,
} from "./sockets/io.ts";
export { socket_clear_error, socket_last_error, socket_strerror } from "./sockets/last_error.ts";
export {
  socket_accept,
  socket_close,
  socket_create,
  socket_create_listen,
  socket_create_pair,
  socket_listen,
  socket_set_block,
  socket_set_nonblock,
  socket_shutdown,
} from "./sockets/lifecycle.ts";
export { socket_atmark } from "./sockets/oob.ts";
export {
  socket_get_option,
  socket_getopt,
  socket_set_option,
  socket_setopt,
} from "./sockets/options.ts";
export type { OptionValue } from "./sockets/options.ts";
export { socket_select } from "./sockets/select.ts";
export type { SocketArray } from "./sockets/select.ts";

export {
  socket_wsaprotocol_info_export,
  socket_wsaprotocol_info_import,
  socket_wsaprotocol_info_release,
} from "./sockets/wsaprotocol.ts";

export { socket_cmsg_space, socket_recvmsg, socket_sendmsg } from "./sockets/msg.ts";
export type { ControlMessage, MessageName, RecvMessage, SendMessage } from "./sockets/msg.ts";

export {
  Iovec,
  socket_iovec_add,
  socket_iovec_alloc,
  socket_iovec_delete,
  socket_iovec_fetch,
  socket_iovec_free,
  socket_iovec_set,
  socket_readv,
  socket_writev,
} from "./sockets/iovec.ts";

export * from "./sockets/constants.ts";
export { PHP_BINARY_READ, PHP_NORMAL_READ } from "./sockets/read_modes.ts";

// Name resolution, stream sockets and the socket/stream bridge (issue 5).
export {
  socket_addrinfo_bind,
  socket_addrinfo_connect,
  socket_addrinfo_explain,
  socket_addrinfo_lookup,
} from "./sockets/addrinfo.ts";
export type { AddrInfoExplained, AddrInfoHintsArray } from "./sockets/addrinfo.ts";
export { socket_export_stream, socket_import_stream } from "./sockets/stream_bridge.ts";
export { stream_socket_client } from "./streams/client.ts";
export * from "./streams/constants.ts";
export { stream_context_create, StreamContext } from "./streams/context.ts";
export { fclose, feof, fgets, fread, fwrite } from "./streams/io.ts";
export {
  stream_get_meta_data,
  stream_set_blocking,
  stream_set_timeout,
} from "./streams/options.ts";
export type { StreamMetaData } from "./streams/options.ts";
export { stream_select } from "./streams/select.ts";
export type { StreamSet } from "./streams/select.ts";
export { stream_socket_accept, stream_socket_server } from "./streams/server.ts";
export {
  stream_get_transports,
  stream_socket_get_name,
  stream_socket_pair,
  stream_socket_recvfrom,
  stream_socket_sendto,
  stream_socket_shutdown,
} from "./streams/socket_ops.ts";
export { Stream } from "./streams/stream.ts";
export type { SocketContextOptions, StreamKind } from "./streams/stream.ts";
export { waitReadable, waitWritable } from "./streams/wait.ts";
export { readableOf, writableOf } from "./streams/web.ts";
