// Port of php-src ext/sockets/tests/socket_listen-wrongparams.phpt.
// Twin of socket_listen-wrongparams.php.
import { unlinkSync } from "node:fs";
import {
  AF_UNIX,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_last_error,
  socket_listen,
} from "../../mod.ts";
import { attempt, makeTempDir, removeTempDir, show } from "./_dump.ts";

const socket = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
show("socket_listen", socket_listen(socket));
show("socket_last_error($socket)", socket_last_error(socket));
show("socket_last_error()", socket_last_error());
const dir = makeTempDir();
socket_bind(socket, `${dir}/l.sock`);
show("bound, socket_listen", socket_listen(socket));
show("again, backlog 5", socket_listen(socket, 5));
show("backlog -1", socket_listen(socket, -1));
show("socket_last_error($socket)", socket_last_error(socket));
socket_close(socket);
unlinkSync(`${dir}/l.sock`);
removeTempDir(dir);

const dgram = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("SOCK_DGRAM", socket_listen(dgram, 1));
show("socket_last_error($dgram)", socket_last_error(dgram));
socket_close(dgram);
attempt("closed", () => socket_listen(dgram));
