// Port of php-src ext/sockets/tests/unixloop.phpt. Twin of unixloop.php.
import { existsSync, unlinkSync } from "node:fs";
import {
  AF_UNIX,
  PHP_BINARY_READ,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_write,
} from "../../mod.ts";
import { makeTempDir, ref, rel, removeTempDir, run, show } from "./_dump.ts";

const dir = makeTempDir();
const sockPath = `${dir}/loop.sock`;

const server = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
show("server", server);
show("socket_bind", socket_bind(server, sockPath));
show("path exists", existsSync(sockPath));
show("socket_listen", socket_listen(server, 2));
const addr = ref("untouched");
const port = ref("untouched");
show("socket_getsockname", socket_getsockname(server, addr, port));
show("address", rel(addr.value, dir));
show("port", port.value);

const client = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
show("client", client);
show("socket_connect", socket_connect(client, sockPath));
const socket = socket_accept(server) as Socket;
show("socket_accept", socket);

show("socket_write", socket_write(client, "ABCdef123\n"));
show("socket_read", socket_read(socket, 10, PHP_BINARY_READ));
show("answer", socket_write(socket, "OK\n"));
show("client reads", socket_read(client, 10, PHP_BINARY_READ));
run("socket_close client", () => socket_close(client));
show("end of file", socket_read(socket, 10, PHP_BINARY_READ));
run("socket_close accepted", () => socket_close(socket));
run("socket_close server", () => socket_close(server));
show("path still exists after close", existsSync(sockPath));
unlinkSync(sockPath);
removeTempDir(dir);
show("socket_last_error()", socket_last_error());
