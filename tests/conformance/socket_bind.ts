// Port of php-src ext/sockets/tests/socket_bind.phpt, on loopback.
// Twin of socket_bind.php.
import {
  AF_INET,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getpeername,
  socket_getsockname,
  socket_listen,
  socket_read,
  socket_write,
  SOL_TCP,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const server = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(server, "127.0.0.1", 0);
socket_listen(server);
const addr = ref();
const serverPort = ref();
socket_getsockname(server, addr, serverPort);

const sC = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
const sBind = socket_bind(sC, "127.0.0.1", 0);
show("socket_bind", sBind);
const boundPort = ref();
socket_getsockname(sC, addr, boundPort);
show("bind again", socket_bind(sC, "127.0.0.1", 0));
const sConn = socket_connect(sC, "127.0.0.1", serverPort.value);
show("socket_connect", sConn);
const request = "GET / HTTP/1.1" + "\r\n";
const sWrite = socket_write(sC, request);
show("socket_write", sWrite);

const conn = socket_accept(server) as Socket;
const peer = ref();
const peerPort = ref();
socket_getpeername(conn, peer, peerPort);
show("peer", peer.value);
show("peer port is the bound port", peerPort.value === boundPort.value);
show("server reads", socket_read(conn, 100));

const sClose = socket_close(sC);
show("socket_close", sClose ?? null);
socket_close(conn);
socket_close(server);
