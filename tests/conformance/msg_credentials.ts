// SCM_CREDENTIALS over AF_UNIX: the kernel attaches the sender's
// credentials when the receiver has SO_PASSCRED; socket_sendmsg can attach
// them explicitly. Twin of msg_credentials.php.
import process from "node:process";
import {
  AF_UNIX,
  type RecvMessage,
  SCM_CREDENTIALS,
  SO_PASSCRED,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_cmsg_space,
  socket_create,
  socket_create_pair,
  socket_recvmsg,
  socket_sendmsg,
  socket_sendto,
  socket_set_nonblock,
  socket_set_option,
  socket_write,
  SOL_SOCKET,
} from "../../mod.ts";
import { makeTempDir, removeTempDir, section, show } from "./_dump.ts";

const dir = makeTempDir();
const path = `${dir}/unix_sock`;
const sends1 = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("socket_set_nonblock", socket_set_nonblock(sends1));
const s = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("bind", socket_bind(s, path));
show("SO_PASSCRED", socket_set_option(s, SOL_SOCKET, SO_PASSCRED, 1));

let mine: Record<string, number> | null = null;

/** Shows the credentials received; the first ones (from the kernel) are ours. */
function credentialsOf(data: RecvMessage): void {
  data.control!.forEach((c, i) => {
    const d = c.data as Record<string, number>;
    mine ??= d;
    show(`  control ${i}`, [c.level === SOL_SOCKET, c.type === SCM_CREDENTIALS]);
    show("  keys", Object.keys(d));
    show("  pid is ours", d.pid === process.pid);
    show("  uid and gid are ints", Number.isInteger(d.uid) && Number.isInteger(d.gid));
    show("  same as the kernel reported first", JSON.stringify(d) === JSON.stringify(mine));
  });
}

section("implicit credentials (the php-src test)");
const msg = "dread";
show("sendto", socket_sendto(sends1, msg, msg.length, 0, path));
let data: RecvMessage = {
  name: {},
  buffer_size: 2000,
  controllen: socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS),
};
show("recvmsg", socket_recvmsg(s, data, 0));
show("  name", data.name);
show("  iov", data.iov);
show("  flags", data.flags);
show("  control count", data.control!.length);
credentialsOf(data);

section("explicit credentials");
show(
  "sendmsg",
  socket_sendmsg(sends1, {
    name: { path },
    iov: ["explicit"],
    control: [{ level: SOL_SOCKET, type: SCM_CREDENTIALS, data: mine }],
  }),
);
data = { controllen: socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS) };
show("recvmsg", socket_recvmsg(s, data, 0));
show("  iov", data.iov);
credentialsOf(data);
const strings = Object.fromEntries(Object.entries(mine!).map(([k, v]) => [k, String(v)]));
show(
  "sendmsg with numeric strings",
  socket_sendmsg(sends1, {
    name: { path },
    iov: ["strings"],
    control: [{ level: SOL_SOCKET, type: SCM_CREDENTIALS, data: strings }],
  }),
);
data = { controllen: 100 };
show("recvmsg", socket_recvmsg(s, data, 0));
credentialsOf(data);

section("no SO_PASSCRED: no credentials");
show("SO_PASSCRED off", socket_set_option(s, SOL_SOCKET, SO_PASSCRED, 0));
socket_sendto(sends1, "plain", 5, 0, path);
data = { controllen: 100 };
show("recvmsg", socket_recvmsg(s, data, 0));
show("  control", data.control);
show("  iov", data.iov);

section("stream socket pair");
const pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
socket_set_option(pair[1], SOL_SOCKET, SO_PASSCRED, 1);
show("write", socket_write(pair[0], "over a stream"));
data = { controllen: socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS), name: {} };
show("recvmsg", socket_recvmsg(pair[1], data));
show("  name", data.name);
show("  iov", data.iov);
credentialsOf(data);

socket_close(pair[0]);
socket_close(pair[1]);
socket_close(sends1);
socket_close(s);
removeTempDir(dir);
