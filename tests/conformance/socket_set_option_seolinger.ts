// Port of php-src ext/sockets/tests/socket_set_option_seolinger.phpt.
// Twin of socket_set_option_seolinger.php.
import {
  AF_INET,
  SO_LINGER,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create,
  socket_get_option,
  socket_set_option,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
attempt("empty array", () => socket_set_option(socket, SOL_SOCKET, SO_LINGER, []));

const options = { l_onoff: 1, l_linger: 1 };
const retval2 = socket_set_option(socket, SOL_SOCKET, SO_LINGER, options);
const retval3 = socket_get_option(socket, SOL_SOCKET, SO_LINGER) as Record<string, number>;

const options2 = { l_onoff: 1 };
attempt("l_linger not given", () => socket_set_option(socket, SOL_SOCKET, SO_LINGER, options2));

show("socket_set_option", retval2);
show("l_linger", retval3.l_linger === options.l_linger);
// value of l_onoff is not always 1, Darwin returns 128
show("l_onoff", Boolean(retval3.l_onoff) === Boolean(options.l_onoff));
show("socket_get_option", retval3);
show("off", socket_set_option(socket, SOL_SOCKET, SO_LINGER, { l_onoff: 0, l_linger: 0 }));
show("socket_get_option", socket_get_option(socket, SOL_SOCKET, SO_LINGER));
socket_close(socket);
