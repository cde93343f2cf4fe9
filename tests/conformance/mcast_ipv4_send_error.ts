// Port of php-src ext/sockets/tests/mcast_ipv4_send_error.phpt.
// Twin of mcast_ipv4_send_error.php.
import {
  AF_INET,
  IP_MULTICAST_LOOP,
  IP_MULTICAST_TTL,
  IPPROTO_IP,
  SOCK_DGRAM,
  type Socket,
  socket_close,
  socket_create,
  socket_get_option,
  socket_set_option,
  SOL_UDP,
} from "../../mod.ts";
import { attempt, section, show } from "./_dump.ts";

const domain = AF_INET;
const level = IPPROTO_IP;
const s = socket_create(domain, SOCK_DGRAM, SOL_UDP) as Socket;

section("Setting IP_MULTICAST_LOOP with 256");
show("set", socket_set_option(s, level, IP_MULTICAST_LOOP, 256));
show("get", socket_get_option(s, level, IP_MULTICAST_LOOP));

section("Setting IP_MULTICAST_LOOP with false");
show("set", socket_set_option(s, level, IP_MULTICAST_LOOP, false));
show("get", socket_get_option(s, level, IP_MULTICAST_LOOP));

section("Setting IP_MULTICAST_TTL with 256");
attempt("set", () => socket_set_option(s, level, IP_MULTICAST_TTL, 256));
show("get", socket_get_option(s, level, IP_MULTICAST_TTL));

section("Setting IP_MULTICAST_TTL with \"254\"");
show("set", socket_set_option(s, level, IP_MULTICAST_TTL, "254"));
show("get", socket_get_option(s, level, IP_MULTICAST_TTL));

section("Setting IP_MULTICAST_TTL with -1");
attempt("set", () => socket_set_option(s, level, IP_MULTICAST_TTL, -1));
show("get", socket_get_option(s, level, IP_MULTICAST_TTL));
socket_close(s);
