/**
 * The constants of PHP's stream socket functions (ext/standard): PHP's own
 * flag values, and the protocol family, socket type and protocol numbers,
 * which are the platform's (`STREAM_PF_INET6` is `AF_INET6`: 10 on Linux).
 *
 * Written by hand, not generated: `sockets/constants.ts` is the generated
 * ext/sockets list.
 *
 * @module
 */

import { platform } from "../platform/mod.ts";

const N = platform.native;

/** `stream_socket_server()` flag: bind the socket (the default includes it). */
export const STREAM_SERVER_BIND = 4;
/** `stream_socket_server()` flag: listen on the bound socket (the default includes it). */
export const STREAM_SERVER_LISTEN = 8;
/** `stream_socket_client()` flag: keep the connection across requests (PHP's persistent streams). */
export const STREAM_CLIENT_PERSISTENT = 1;
/** `stream_socket_client()` flag: return before the connection is established. */
export const STREAM_CLIENT_ASYNC_CONNECT = 2;
/** `stream_socket_client()` flag: connect (the default). */
export const STREAM_CLIENT_CONNECT = 4;

/** `stream_socket_shutdown()`: no more receptions. */
export const STREAM_SHUT_RD = 0;
/** `stream_socket_shutdown()`: no more transmissions. */
export const STREAM_SHUT_WR = 1;
/** `stream_socket_shutdown()`: neither. */
export const STREAM_SHUT_RDWR = 2;

/** `stream_socket_recvfrom()`/`stream_socket_sendto()` flag: out-of-band data (`MSG_OOB`). */
export const STREAM_OOB = 1;
/** `stream_socket_recvfrom()` flag: look at the data without consuming it (`MSG_PEEK`). */
export const STREAM_PEEK = 2;

/** `stream_socket_pair()` domain: IPv4 (`PF_INET`). */
export const STREAM_PF_INET: number = N.PF_INET;
/** `stream_socket_pair()` domain: IPv6 (`PF_INET6`). */
export const STREAM_PF_INET6: number = N.PF_INET6;
/** `stream_socket_pair()` domain: Unix sockets (`PF_UNIX`). */
export const STREAM_PF_UNIX: number = N.PF_UNIX;

/** `stream_socket_pair()` type: `SOCK_STREAM`. */
export const STREAM_SOCK_STREAM: number = N.SOCK_STREAM;
/** `stream_socket_pair()` type: `SOCK_DGRAM`. */
export const STREAM_SOCK_DGRAM: number = N.SOCK_DGRAM;
/** `stream_socket_pair()` type: `SOCK_RAW`. */
export const STREAM_SOCK_RAW: number = N.SOCK_RAW;
/** `stream_socket_pair()` type: `SOCK_SEQPACKET`. */
export const STREAM_SOCK_SEQPACKET: number = N.SOCK_SEQPACKET;
/** `stream_socket_pair()` type: `SOCK_RDM`. */
export const STREAM_SOCK_RDM: number = N.SOCK_RDM;

/** `stream_socket_pair()` protocol: `IPPROTO_IP`. */
export const STREAM_IPPROTO_IP: number = N.IPPROTO_IP;
/** `stream_socket_pair()` protocol: `IPPROTO_TCP`. */
export const STREAM_IPPROTO_TCP: number = N.IPPROTO_TCP;
/** `stream_socket_pair()` protocol: `IPPROTO_UDP`. */
export const STREAM_IPPROTO_UDP: number = N.IPPROTO_UDP;
/** `stream_socket_pair()` protocol: `IPPROTO_ICMP`. */
export const STREAM_IPPROTO_ICMP: number = N.IPPROTO_ICMP;
/** `stream_socket_pair()` protocol: `IPPROTO_RAW`. */
export const STREAM_IPPROTO_RAW: number = N.IPPROTO_RAW;
