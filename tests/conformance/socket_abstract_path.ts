// Port of php-src ext/sockets/tests/socket_abstract_path.phpt (Linux).
// Twin of socket_abstract_path.php.
import {
  AF_UNIX,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_connect,
  socket_create,
  socket_getpeername,
  socket_getsockname,
  socket_listen,
  socket_recv,
  socket_sendmsg,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const suffix = Array.from(
  crypto.getRandomValues(new Uint8Array(6)),
  (b) => b.toString(16).padStart(2, "0"),
).join("");
const path = `\x00/php_sockets_conf_${suffix}`;
const server = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
show("bind", socket_bind(server, path));
show("listen", socket_listen(server));
const client = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
show("connect", socket_connect(client, path));
const conn = socket_accept(server) as Socket;
show("accept", conn);
const name = ref();
socket_getsockname(server, name);
show("server name", name.value);
const peer = ref();
socket_getpeername(client, peer);
show("client peer", peer.value);
show("sendmsg", socket_sendmsg(client, { iov: ["test ", "thing", "\n"] }, 0));
const buf = ref();
show("recv", socket_recv(conn, buf, 20, 0));
show("buf", buf.value);
