// Port of php-src ext/sockets/tests/mcast_ipv6_send.phpt. Twin of mcast_ipv6_send.php.
import {
  AF_INET6,
  IPPROTO_IPV6,
  IPV6_MULTICAST_HOPS,
  IPV6_MULTICAST_IF,
  IPV6_MULTICAST_LOOP,
  SOCK_DGRAM,
  type Socket,
  socket_close,
  socket_create,
  socket_get_option,
  socket_set_option,
  SOL_UDP,
} from "../../mod.ts";
import { section, show } from "./_dump.ts";

const domain = AF_INET6;
const level = IPPROTO_IPV6;
const s = socket_create(domain, SOCK_DGRAM, SOL_UDP) as Socket;

section("Setting IPV6_MULTICAST_HOPS");
show("set 9", socket_set_option(s, level, IPV6_MULTICAST_HOPS, 9));
show("get", socket_get_option(s, level, IPV6_MULTICAST_HOPS));

section("Setting IPV6_MULTICAST_LOOP");
show("set 0", socket_set_option(s, level, IPV6_MULTICAST_LOOP, 0));
show("get", socket_get_option(s, level, IPV6_MULTICAST_LOOP));
show("set 1", socket_set_option(s, level, IPV6_MULTICAST_LOOP, 1));
show("get", socket_get_option(s, level, IPV6_MULTICAST_LOOP));

section("Setting IPV6_MULTICAST_IF");
show("interface 0", socket_set_option(s, level, IPV6_MULTICAST_IF, 0));
show("get", socket_get_option(s, level, IPV6_MULTICAST_IF));
show("interface 1", socket_set_option(s, level, IPV6_MULTICAST_IF, 1));
show("get", socket_get_option(s, level, IPV6_MULTICAST_IF));
show("interface \"lo\"", socket_set_option(s, level, IPV6_MULTICAST_IF, "lo"));
show("get", socket_get_option(s, level, IPV6_MULTICAST_IF));
socket_close(s);
