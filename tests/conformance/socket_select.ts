// Port of php-src ext/sockets/tests/socket_select.phpt. Twin of
// socket_select.php: PHP's lists keep their keys through socket_select, so
// the keyed sets are objects here (a JS array would be compacted).
import {
  AF_UNIX,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create_pair,
  socket_select,
  socket_write,
  type SocketArray,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const sockets: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, sockets);
const [a, b] = sockets;
const name = (set: SocketArray): Record<string, string> =>
  Object.fromEntries(Object.entries(set).map(([k, s]) => [k, s === b ? "b" : "a"]));

let write: SocketArray | null = null;
const except: SocketArray | null = null;
show("socket_select", socket_select(sockets, write, except, 0));
show("read", sockets);
show("write", write);
show("except", except);

socket_write(a, "x");
let read: SocketArray = { 0: a, 1: b };
show("after a write to $a", socket_select(read, write, except, 0));
show("read", name(read));
read = { 0: a, 1: b };
write = { 0: a, 1: b };
show("read and write", socket_select(read, write, except, 0));
show("read", name(read));
show("write", name(write));
socket_close(a);
socket_close(b);
