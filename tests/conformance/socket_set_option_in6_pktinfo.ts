// Port of php-src ext/sockets/tests/socket_set_option_in6_pktinfo.phpt.
// Twin of socket_set_option_in6_pktinfo.php.
import {
  AF_INET6,
  IPPROTO_IPV6,
  IPV6_PKTINFO,
  SOCK_DGRAM,
  type Socket,
  socket_close,
  socket_create,
  socket_get_option,
  socket_set_option,
  SOL_UDP,
} from "../../mod.ts";
import { attempt } from "./_dump.ts";

const s = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP) as Socket;
attempt("empty array", () => socket_set_option(s, IPPROTO_IPV6, IPV6_PKTINFO, []));
attempt(
  "::1 on any interface",
  () => socket_set_option(s, IPPROTO_IPV6, IPV6_PKTINFO, { addr: "::1", ifindex: 0 }),
);
attempt(
  "::1 on lo by name",
  () => socket_set_option(s, IPPROTO_IPV6, IPV6_PKTINFO, { addr: "::1", ifindex: "lo" }),
);
attempt("read back", () => socket_get_option(s, IPPROTO_IPV6, IPV6_PKTINFO));
socket_close(s);
