// Port of php-src ext/sockets/tests/socket_dontfragment.phpt (PHP 8.3).
// Twin of socket_dontfragment.php, whose expected output is written by hand.
import {
  AF_INET,
  IP_MTU_DISCOVER,
  IP_PMTUDISC_DO,
  IP_PMTUDISC_DONT,
  IP_PMTUDISC_INTERFACE,
  IP_PMTUDISC_OMIT,
  IP_PMTUDISC_PROBE,
  IP_PMTUDISC_WANT,
  IPPROTO_IP,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_get_option,
  socket_set_option,
  SOL_UDP,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as Socket;
socket_bind(socket, "127.0.0.1", 0);
const ret = socket_set_option(socket, IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DO);
show("IP_PMTUDISC_DO", ret);
show(
  "socket_get_option",
  socket_get_option(socket, IPPROTO_IP, IP_MTU_DISCOVER) === IP_PMTUDISC_DO,
);
const modes: [string, number][] = [
  ["IP_PMTUDISC_DONT", IP_PMTUDISC_DONT],
  ["IP_PMTUDISC_WANT", IP_PMTUDISC_WANT],
  ["IP_PMTUDISC_PROBE", IP_PMTUDISC_PROBE],
  ["IP_PMTUDISC_INTERFACE", IP_PMTUDISC_INTERFACE],
  ["IP_PMTUDISC_OMIT", IP_PMTUDISC_OMIT],
];
for (const [mode, value] of modes) {
  const set = socket_set_option(socket, IPPROTO_IP, IP_MTU_DISCOVER, value);
  show(mode, set && socket_get_option(socket, IPPROTO_IP, IP_MTU_DISCOVER) === value);
}
show("mode 99", socket_set_option(socket, IPPROTO_IP, IP_MTU_DISCOVER, 99));
show(
  "unchanged",
  socket_get_option(socket, IPPROTO_IP, IP_MTU_DISCOVER) === IP_PMTUDISC_OMIT,
);
socket_close(socket);
