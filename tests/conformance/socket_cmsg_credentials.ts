// Port of php-src ext/sockets/tests/socket_cmsg_credentials.phpt. Twin of
// socket_cmsg_credentials.php.
import { statSync } from "node:fs";
import process from "node:process";
import {
  AF_UNIX,
  type RecvMessage,
  SCM_CREDENTIALS,
  SO_PASSCRED,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_cmsg_space,
  socket_create,
  socket_recvmsg,
  socket_sendto,
  socket_set_nonblock,
  socket_set_option,
  SOL_SOCKET,
} from "../../mod.ts";
import { makeTempDir, removeTempDir, show } from "./_dump.ts";

const dir = makeTempDir();
const path = `${dir}/unix_sock`;
const send = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("nonblock", socket_set_nonblock(send));
const s = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("bind", socket_bind(s, path));
show("SO_PASSCRED", socket_set_option(s, SOL_SOCKET, SO_PASSCRED, 1));
const msg = "dread";
show("sendto", socket_sendto(send, msg, msg.length, 0, path));
const data: RecvMessage = {
  name: {},
  buffer_size: 2000,
  controllen: socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS) as number,
};
show("recvmsg", socket_recvmsg(s, data, 0));
show("keys", Object.keys(data));
// deno-lint-ignore no-explicit-any
const d = data as any;
show("name", d.name);
show("control count", d.control.length);
const c = d.control[0];
show("level", c.level === SOL_SOCKET);
show("type", c.type === SCM_CREDENTIALS);
show("data keys", Object.keys(c.data));
show("pid is ours", c.data.pid === process.pid);
show("uid is ours", c.data.uid === statSync(dir).uid);
show("gid is ours", c.data.gid === statSync(dir).gid);
show("iov", d.iov);
show("flags", d.flags);
socket_close(s);
removeTempDir(dir);
