// socket_select and socket_get_option/socket_set_option (and their aliases,
// whose own names appear in the messages) with a closed socket.
// Twin of closed_select_options.php.
import {
  AF_INET,
  SO_REUSEADDR,
  SO_TYPE,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create,
  socket_get_option,
  socket_getopt,
  socket_select,
  socket_set_option,
  socket_setopt,
  SOL_SOCKET,
} from "../../mod.ts";
import { attempt, section } from "./_dump.ts";

const s = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_close(s);

section("options on a closed socket");
attempt("socket_get_option", () => socket_get_option(s, SOL_SOCKET, SO_TYPE));
attempt("socket_getopt", () => socket_getopt(s, SOL_SOCKET, SO_TYPE));
attempt("socket_set_option", () => socket_set_option(s, SOL_SOCKET, SO_REUSEADDR, 1));
attempt("socket_setopt", () => socket_setopt(s, SOL_SOCKET, SO_REUSEADDR, 1));

section("socket_select with a closed socket");
const open = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
attempt("read array", () => socket_select([open, s], null, null, 0));
attempt("write array", () => socket_select(null, [s], null, 0));
attempt("except array", () => socket_select([], [], [s], 0));
socket_close(open);
