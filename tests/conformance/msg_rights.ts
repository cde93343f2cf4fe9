// SCM_RIGHTS between Sockets, after php-src's socket_cmsg_rights.phpt
// (Sockets only: the module has no streams yet). There is no msg_rights.php:
// PHP 8.0-8.4 put a Socket's descriptor one slot too far and send
// descriptor 0 in its place (fixed by php-src PR #22338), so
// expected/msg_rights.out is written by hand from the fixed behaviour.
import {
  AF_UNIX,
  MSG_DONTWAIT,
  type RecvMessage,
  SCM_RIGHTS,
  SOCK_DGRAM,
  SOCK_STREAM,
  Socket,
  socket_bind,
  socket_close,
  socket_cmsg_space,
  socket_create,
  socket_create_pair,
  socket_getsockname,
  socket_last_error,
  socket_read,
  socket_recv,
  socket_recvmsg,
  socket_sendmsg,
  socket_set_nonblock,
  socket_write,
  SOL_SOCKET,
} from "../../mod.ts";
import { makeTempDir, ref, rel, removeTempDir, section, show } from "./_dump.ts";

console.log("# hand-written: what a fixed PHP prints (PHP 8.0-8.4 send the wrong descriptors)");
const dir = makeTempDir();
const path = `${dir}/unix_sock`;

section("socket_cmsg_rights.phpt, with Sockets only");
const sends1 = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("bind sender", socket_bind(sends1, `${dir}/sender.sock`));
show("socket_set_nonblock", socket_set_nonblock(sends1));
const s = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("bind receiver", socket_bind(s, path));
show("socket_set_nonblock", socket_set_nonblock(s));
const pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
show(
  "sendmsg",
  socket_sendmsg(sends1, {
    name: { path },
    iov: ["test ", "thing", "\n"],
    control: [{ level: SOL_SOCKET, type: SCM_RIGHTS, data: [sends1, pair[0], pair[1]] }],
  }, 0),
);
const data: RecvMessage = {
  name: {},
  buffer_size: 2000,
  controllen: socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 3),
};
show("recvmsg", socket_recvmsg(s, data, 0));
show("  name", { ...data.name, path: rel(data.name?.path, dir) });
show("  control", data.control);
show("  iov", data.iov);
show("  flags", data.flags);
const received = data.control![0].data as Socket[];
show("  all Sockets", received.every((x) => x instanceof Socket));

section("each received Socket is the socket that was sent");
const name = ref();
show("getsockname of #0", socket_getsockname(received[0], name));
show("  path", rel(name.value, dir));
show("#0 shares the sender's non-blocking mode", socket_recv(received[0], ref(), 10, 0));
show("  socket_last_error", socket_last_error(received[0]));
show("write through #1", socket_write(received[1], "to pair[1]"));
show("  read at pair[1]", socket_read(pair[1], 100));
show("write through #2", socket_write(received[2], "to pair[0]"));
show("  read at pair[0]", socket_read(pair[0], 100));
socket_close(pair[0]);
show("pair[0] closed, its copy #1 still works", socket_write(received[1], "still"));
show("  read at pair[1]", socket_recv(pair[1], name, 100, MSG_DONTWAIT));
show("  data", name.value);

for (const x of [...received, pair[1], sends1, s]) socket_close(x);
removeTempDir(dir);
