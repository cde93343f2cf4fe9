// Port of php-src ext/sockets/tests/socket_tcp_congestion.phpt.
// Twin of socket_tcp_congestion.php.
import {
  AF_INET,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create,
  socket_get_option,
  socket_set_option,
  SOL_TCP,
  TCP_CONGESTION,
} from "../../mod.ts";
import { render, show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
const r = socket_get_option(socket, SOL_TCP, TCP_CONGESTION) as Record<string, string>;
show("keys", Object.keys(r));
const defaultAlgo = r.name;
show(
  "current tcp congestion algo is a name",
  typeof defaultAlgo === "string" && defaultAlgo !== "",
);
show("set \"reno\"", socket_set_option(socket, SOL_TCP, TCP_CONGESTION, "reno"));
show("new tcp congestion algo", socket_get_option(socket, SOL_TCP, TCP_CONGESTION));
show("back to the default", socket_set_option(socket, SOL_TCP, TCP_CONGESTION, defaultAlgo));
show(
  "is the default",
  render(socket_get_option(socket, SOL_TCP, TCP_CONGESTION)) === render({ name: defaultAlgo }),
);
show("set \"\"", socket_set_option(socket, SOL_TCP, TCP_CONGESTION, ""));
socket_close(socket);
