// Port of php-src ext/sockets/tests/socket_abstract_path_sendmsg.phpt
// (Linux). Twin of socket_abstract_path_sendmsg.php.
import {
  AF_UNIX,
  type RecvMessage,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_create,
  socket_recv,
  socket_recvmsg,
  socket_sendmsg,
  socket_set_nonblock,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const suffix = Array.from(
  crypto.getRandomValues(new Uint8Array(6)),
  (b) => b.toString(16).padStart(2, "0"),
).join("");
const path = `\x00/php_sockets_conf_${suffix}`;
const send = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("nonblock", socket_set_nonblock(send));
const s = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("bind", socket_bind(s, path));
show("sendmsg", socket_sendmsg(send, { name: { path }, iov: ["test ", "thing", "\n"] }, 0));
const buf = ref();
show("recv", socket_recv(s, buf, 20, 0));
show("buf", buf.value);
show("sendmsg again", socket_sendmsg(send, { name: { path }, iov: ["again"] }, 0));
const data: RecvMessage = { name: {}, buffer_size: 100, controllen: 100 };
show("recvmsg", socket_recvmsg(s, data, 0));
show("iov", data.iov);
show("flags", data.flags);
show("name", data.name);
