// Port of php-src ext/sockets/tests/gh21161.phpt. Twin of gh21161.php,
// whose expected output is written by hand (PHP 8.2 crashes here).
import {
  AF_INET6,
  IPPROTO_IPV6,
  IPV6_PKTINFO,
  SOCK_DGRAM,
  type Socket,
  socket_close,
  socket_create,
  socket_set_option,
} from "../../mod.ts";
import { attempt } from "./_dump.ts";

const sock = socket_create(AF_INET6, SOCK_DGRAM, 0) as Socket;
attempt(
  "null addr",
  () => socket_set_option(sock, IPPROTO_IPV6, IPV6_PKTINFO, { addr: null, ifindex: 0 }),
);
socket_close(sock);
