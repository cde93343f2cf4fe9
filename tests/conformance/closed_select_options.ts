// socket_select and socket_get_option/socket_set_option (and their aliases,
// whose own names appear in the messages) with a closed socket.
// Twin of closed_select_options.php.
//
// The functions are looked up at run time so that this file type-checks
// while mod.ts does not export them yet; a missing one shows up as a
// mismatch ("... is not a function") instead of a compile error.
import * as mod from "../../mod.ts";
import {
  AF_INET,
  SO_REUSEADDR,
  SO_TYPE,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  SOL_SOCKET,
} from "../../mod.ts";
import { attempt, section } from "./_dump.ts";

const api = mod as unknown as Record<string, (...args: unknown[]) => unknown>;
const s = mod.socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
mod.socket_close(s);

section("options on a closed socket");
attempt("socket_get_option", () => api.socket_get_option(s, SOL_SOCKET, SO_TYPE));
attempt("socket_getopt", () => api.socket_getopt(s, SOL_SOCKET, SO_TYPE));
attempt("socket_set_option", () => api.socket_set_option(s, SOL_SOCKET, SO_REUSEADDR, 1));
attempt("socket_setopt", () => api.socket_setopt(s, SOL_SOCKET, SO_REUSEADDR, 1));

section("socket_select with a closed socket");
const open = mod.socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
attempt("read array", () => api.socket_select([open, s], null, null, 0));
attempt("write array", () => api.socket_select(null, [s], null, 0));
attempt("except array", () => api.socket_select([], [], [s], 0));
mod.socket_close(open);
