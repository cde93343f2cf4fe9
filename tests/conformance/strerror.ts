// socket_strerror: glibc strerror texts, resolver (h_errno) codes below
// -10000, the int range check; the SOCKET_E* constants it is used with.
// Twin of strerror.php.
import {
  SOCKET_EACCES,
  SOCKET_EADDRINUSE,
  SOCKET_EADDRNOTAVAIL,
  SOCKET_EAFNOSUPPORT,
  SOCKET_EAGAIN,
  SOCKET_EALREADY,
  SOCKET_EBADF,
  SOCKET_ECONNABORTED,
  SOCKET_ECONNREFUSED,
  SOCKET_ECONNRESET,
  SOCKET_EDESTADDRREQ,
  SOCKET_EHOSTUNREACH,
  SOCKET_EINPROGRESS,
  SOCKET_EINTR,
  SOCKET_EINVAL,
  SOCKET_EISCONN,
  SOCKET_EMSGSIZE,
  SOCKET_ENETUNREACH,
  SOCKET_ENOENT,
  SOCKET_ENOTCONN,
  SOCKET_ENOTSOCK,
  SOCKET_EOPNOTSUPP,
  SOCKET_EPERM,
  SOCKET_EPIPE,
  SOCKET_EPROTONOSUPPORT,
  SOCKET_ETIMEDOUT,
  socket_strerror,
} from "../../mod.ts";
import { attempt, section, show } from "./_dump.ts";

section("errno texts");
for (
  const code of [
    0,
    1,
    2,
    4,
    9,
    11,
    13,
    22,
    32,
    88,
    89,
    93,
    95,
    98,
    99,
    104,
    107,
    110,
    111,
    113,
    115,
  ]
) {
  show(`socket_strerror(${code})`, socket_strerror(code));
}

section("unknown codes");
for (const code of [99999, 1000, -1, -5, -9999, -10000, 2147483647]) {
  show(`socket_strerror(${code})`, socket_strerror(code));
}

section("resolver codes");
for (const code of [-10001, -10002, -10003, -10004, -10005, -10100, -2147483648]) {
  show(`socket_strerror(${code})`, socket_strerror(code));
}

section("range");
attempt("socket_strerror(2147483648)", () => socket_strerror(2147483648));
attempt("socket_strerror(-2147483649)", () => socket_strerror(-2147483649));

section("SOCKET_E* constants and their texts");
const constants: Record<string, number> = {
  SOCKET_EPERM,
  SOCKET_ENOENT,
  SOCKET_EINTR,
  SOCKET_EBADF,
  SOCKET_EACCES,
  SOCKET_EINVAL,
  SOCKET_EPIPE,
  SOCKET_EAGAIN,
  SOCKET_ENOTSOCK,
  SOCKET_EDESTADDRREQ,
  SOCKET_EMSGSIZE,
  SOCKET_EPROTONOSUPPORT,
  SOCKET_EOPNOTSUPP,
  SOCKET_EAFNOSUPPORT,
  SOCKET_EADDRINUSE,
  SOCKET_EADDRNOTAVAIL,
  SOCKET_ENETUNREACH,
  SOCKET_ECONNABORTED,
  SOCKET_ECONNRESET,
  SOCKET_EISCONN,
  SOCKET_ENOTCONN,
  SOCKET_ETIMEDOUT,
  SOCKET_ECONNREFUSED,
  SOCKET_EHOSTUNREACH,
  SOCKET_EALREADY,
  SOCKET_EINPROGRESS,
};
for (const [name, value] of Object.entries(constants)) {
  console.log(`${name} = ${value}: ${socket_strerror(value)}`);
}
