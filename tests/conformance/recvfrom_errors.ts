// Own case: socket_recvfrom() failures. Twin of recvfrom_errors.php.
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  MSG_DONTWAIT,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_create,
  socket_last_error,
  socket_listen,
  socket_recvfrom,
  socket_set_nonblock,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

function attemptRecvfrom(label: string, s: Socket, flags = 0): void {
  const buf = ref("untouched");
  const from = ref("untouched");
  const port = ref("untouched");
  show(label, socket_recvfrom(s, buf, 10, flags, from, port));
  show("  values", [buf.value, from.value, port.value]);
  show("  codes", [socket_last_error(s), socket_last_error()]);
  socket_clear_error(s);
  socket_clear_error();
}

const t = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_bind(t, "127.0.0.1", 0);
socket_listen(t);
attemptRecvfrom("AF_INET listening", t);

const t6 = socket_create(AF_INET6, SOCK_STREAM, 0) as Socket;
socket_bind(t6, "::1", 0);
socket_listen(t6);
attemptRecvfrom("AF_INET6 listening", t6);

const u = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
attemptRecvfrom("AF_UNIX unconnected stream", u);

const d = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
socket_bind(d, "127.0.0.1", 0);
attemptRecvfrom("AF_INET UDP with MSG_DONTWAIT, nothing queued", d, MSG_DONTWAIT);

const d6 = socket_create(AF_INET6, SOCK_DGRAM, 0) as Socket;
socket_bind(d6, "::1", 0);
socket_set_nonblock(d6);
attemptRecvfrom("AF_INET6 non-blocking UDP, nothing queued", d6);
const ud = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
attemptRecvfrom("AF_UNIX datagram, MSG_DONTWAIT, nothing queued", ud, MSG_DONTWAIT);

for (const s of [t, t6, u, d, d6, ud]) {
  socket_close(s);
}
