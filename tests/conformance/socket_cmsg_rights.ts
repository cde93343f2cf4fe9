// Port of php-src ext/sockets/tests/socket_cmsg_rights.phpt with stream
// resources only. Twin of socket_cmsg_rights.php.
import {
  AF_UNIX,
  fread,
  type RecvMessage,
  SCM_RIGHTS,
  SO_TYPE,
  SOCK_DGRAM,
  Socket,
  socket_bind,
  socket_close,
  socket_cmsg_space,
  socket_create,
  socket_get_option,
  socket_recvmsg,
  socket_sendmsg,
  socket_set_nonblock,
  socket_write,
  SOL_SOCKET,
  type Stream,
  STREAM_PF_UNIX,
  STREAM_SOCK_DGRAM,
  STREAM_SOCK_STREAM,
  stream_socket_pair,
} from "../../mod.ts";
import { makeTempDir, removeTempDir, show } from "./_dump.ts";

const dir = makeTempDir();
const path = `${dir}/unix_sock`;
const send = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("nonblock", socket_set_nonblock(send));
const s = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("bind", socket_bind(s, path));
show("nonblock", socket_set_nonblock(s));
const p1 = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) as Stream[];
const p2 = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) as Stream[];
const p3 = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_DGRAM, 0) as Stream[];
show(
  "sendmsg",
  socket_sendmsg(send, {
    name: { path },
    iov: ["test ", "thing", "\n"],
    control: [{ level: SOL_SOCKET, type: SCM_RIGHTS, data: [p1[0], p2[0], p3[0]] }],
  }, 0),
);
const data: RecvMessage = {
  name: {},
  buffer_size: 2000,
  controllen: socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 3) as number,
};
show("recvmsg", socket_recvmsg(s, data, 0));
// deno-lint-ignore no-explicit-any
const d = data as any;
show("iov", d.iov);
show("control count", d.control.length);
const c = d.control[0];
show("level", c.level === SOL_SOCKET);
show("type", c.type === SCM_RIGHTS);
show("received", c.data.length);
c.data.forEach((got: unknown, i: number) => show(`${i} is a Socket`, got instanceof Socket));
show("write 0", socket_write(c.data[0], "one"));
show("peer 0 reads", fread(p1[1], 10));
show("write 1", socket_write(c.data[1], "two"));
show("peer 1 reads", fread(p2[1], 10));
show("type 2 is SOCK_DGRAM", socket_get_option(c.data[2], SOL_SOCKET, SO_TYPE) === SOCK_DGRAM);
socket_close(s);
removeTempDir(dir);
