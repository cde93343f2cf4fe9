// Port of php-src ext/sockets/tests/gh13603.phpt. Twin of gh13603.php.
import { unlinkSync } from "node:fs";
import process from "node:process";
import {
  AF_UNIX,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getpeername,
  socket_getsockname,
  socket_listen,
} from "../../mod.ts";
import { makeTempDir, ref, removeTempDir, show } from "./_dump.ts";

const dir = makeTempDir();
const cwd = process.cwd();
process.chdir(dir);
const socket = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
show("socket_bind", socket_bind(socket, "sn.socp"));
show("socket_listen", socket_listen(socket));
const address = ref();
socket_getsockname(socket, address);
show("address", address.value);
const client = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
show("socket_connect", socket_connect(client, "sn.socp"));
const peer = ref();
socket_getpeername(client, peer);
show("peer", peer.value);
socket_close(client);
socket_close(socket);
unlinkSync(address.value);
process.chdir(cwd);
removeTempDir(dir);
