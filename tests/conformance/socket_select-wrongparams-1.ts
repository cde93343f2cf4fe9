// Port of php-src ext/sockets/tests/socket_select-wrongparams-1.phpt.
// Twin of socket_select-wrongparams-1.php.
import {
  AF_UNIX,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create_pair,
  socket_last_error,
  socket_select,
  socket_write,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const sockets: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, sockets);
socket_write(sockets[1], "ready");
const [first, second] = sockets;

const time = -1;
show("socket_select", socket_select(sockets, null, null, time));
show("read still holds both", sockets.length);
show("socket_last_error()", socket_last_error());
show("socket_last_error($sockets[0])", socket_last_error(first));
const read = [first];
show("seconds -1 with microseconds", socket_select(read, null, null, -1, 500));
show("seconds null waits for readiness", socket_select(read, null, null, null));
socket_close(first);
socket_close(second);
