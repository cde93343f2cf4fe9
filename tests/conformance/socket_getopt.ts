// Port of php-src ext/sockets/tests/socket_getopt.phpt. Twin of socket_getopt.php.
import {
  AF_INET,
  IP_MULTICAST_IF,
  IP_MULTICAST_LOOP,
  IP_MULTICAST_TTL,
  IPPROTO_IP,
  SOCK_DGRAM,
  type Socket,
  socket_close,
  socket_create,
  socket_getopt,
  socket_set_option,
  socket_setopt,
  SOL_UDP,
} from "../../mod.ts";
import { attempt, section, show } from "./_dump.ts";

const domain = AF_INET;
const level = IPPROTO_IP;
const s = socket_create(domain, SOCK_DGRAM, SOL_UDP) as Socket;

section("Setting IP_MULTICAST_TTL");
show("set 9", socket_set_option(s, level, IP_MULTICAST_TTL, 9));
show("socket_getopt", socket_getopt(s, level, IP_MULTICAST_TTL));

section("Setting IP_MULTICAST_LOOP");
show("set 0", socket_set_option(s, level, IP_MULTICAST_LOOP, 0));
show("socket_getopt", socket_getopt(s, level, IP_MULTICAST_LOOP));
show("set 1", socket_set_option(s, level, IP_MULTICAST_LOOP, 1));
show("socket_getopt", socket_getopt(s, level, IP_MULTICAST_LOOP));

section("Setting IP_MULTICAST_IF");
show("interface 0", socket_set_option(s, level, IP_MULTICAST_IF, 0));
show("socket_getopt", socket_getopt(s, level, IP_MULTICAST_IF));
show("interface 1", socket_set_option(s, level, IP_MULTICAST_IF, 1));
show("socket_getopt", socket_getopt(s, level, IP_MULTICAST_IF));

section("socket_setopt");
show("TTL 3", socket_setopt(s, level, IP_MULTICAST_TTL, 3));
show("socket_getopt", socket_getopt(s, level, IP_MULTICAST_TTL));
attempt("TTL 300", () => socket_setopt(s, level, IP_MULTICAST_TTL, 300));
show("socket_getopt at level -1", socket_getopt(s, -1, IP_MULTICAST_TTL));
socket_close(s);
