// The PHP manual's socket_get_option() example. Twin of manual_socket_get_option.php.
import {
  AF_INET,
  SO_LINGER,
  SO_REUSEADDR,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_create,
  socket_get_option,
  socket_listen,
  socket_set_option,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_set_option(socket, SOL_SOCKET, SO_REUSEADDR, 1);
socket_bind(socket, "127.0.0.1", 0);
socket_listen(socket, 128);

const linger = { l_linger: 1, l_onoff: 1 };
socket_set_option(socket, SOL_SOCKET, SO_LINGER, linger);

const reuse = socket_get_option(socket, SOL_SOCKET, SO_REUSEADDR);
console.log(typeof reuse === "number" ? `int(${reuse})` : `unexpected ${String(reuse)}`);
show("SO_LINGER", socket_get_option(socket, SOL_SOCKET, SO_LINGER));
