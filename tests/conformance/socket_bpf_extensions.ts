// Port of php-src ext/sockets/tests/socket_bpf_extensions.phpt.
// Twin of socket_bpf_extensions.php.
import {
  AF_INET,
  SO_BPF_EXTENSIONS,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create,
  socket_getopt,
  socket_last_error,
  socket_set_option,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
const flags = socket_getopt(socket, SOL_SOCKET, SO_BPF_EXTENSIONS);
show(
  "extensions supported flag is a positive int",
  typeof flags === "number" && Number.isInteger(flags) && flags > 0,
);
show("set it", socket_set_option(socket, SOL_SOCKET, SO_BPF_EXTENSIONS, 1));
show("socket_last_error($socket)", socket_last_error(socket));
socket_close(socket);
