// socket_cmsg_space: CMSG_SPACE of each ancillary type PHP registers (Linux
// x86_64 values) and its ValueErrors. Twin of cmsg_space.php.
import {
  IPPROTO_IPV6,
  IPV6_HOPLIMIT,
  IPV6_PKTINFO,
  IPV6_TCLASS,
  SCM_CREDENTIALS,
  SCM_RIGHTS,
  socket_cmsg_space,
  SOL_SOCKET,
} from "../../mod.ts";
import { attempt, section, show } from "./_dump.ts";

// deno-lint-ignore no-explicit-any
const space = socket_cmsg_space as (...args: any[]) => unknown;

section("values");
for (const n of [0, 1, 2, 3, 4, 5, 253]) {
  show(`SCM_RIGHTS, ${n}`, socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, n));
}
show("SCM_RIGHTS, 2**31-1", socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 2147483647));
show("SCM_CREDENTIALS", socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS));
show("SCM_CREDENTIALS, 5 (num ignored)", socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS, 5));
show("IPV6_PKTINFO", socket_cmsg_space(IPPROTO_IPV6, IPV6_PKTINFO));
show("IPV6_HOPLIMIT", socket_cmsg_space(IPPROTO_IPV6, IPV6_HOPLIMIT));
show("IPV6_TCLASS", socket_cmsg_space(IPPROTO_IPV6, IPV6_TCLASS, 100));

section("errors");
attempt("unknown pair", () => socket_cmsg_space(0, 9999));
attempt("unknown pair, negative", () => socket_cmsg_space(-1, -2));
attempt("IPV6_PKTINFO at SOL_SOCKET", () => socket_cmsg_space(SOL_SOCKET, IPV6_PKTINFO));
attempt("num -1 before the pair check", () => socket_cmsg_space(0, 9999, -1));
attempt("num -1", () => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, -1));
attempt("level 2**31", () => socket_cmsg_space(2147483648, 1));
attempt("level -2**31-1", () => socket_cmsg_space(-2147483649, 1));
attempt("type 2**31 before num -1", () => socket_cmsg_space(1, 2147483648, -1));
attempt("num 2**31", () => socket_cmsg_space(1, 1, 2147483648));
attempt("num PHP_INT_MAX", () => socket_cmsg_space(1, 1, 2 ** 63 - 1));
attempt("one argument", () => space(1));
attempt("four arguments", () => space(1, 1, 1, 1));
attempt("level string", () => space("x", 1));
attempt("num array", () => space(1, 1, []));
