// Port of php-src ext/sockets/tests/socket_select-wrongparams-4.phpt.
// Twin of socket_select-wrongparams-4.php.
import { AF_UNIX, SOCK_STREAM, type Socket, socket_create_pair, socket_select } from "../../mod.ts";
import { show } from "./_dump.ts";

const sockets: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, sockets);

const time = 0;
const usec = 2000000;
const start = performance.now();
show("socket_select", socket_select(sockets, null, null, time, usec));
const waited = (performance.now() - start) / 1000;
show("waited about 2 s", waited >= 1.9 && waited < 10);
show("read", sockets);
