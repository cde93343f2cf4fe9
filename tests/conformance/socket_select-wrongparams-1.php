<?php
// Port of php-src ext/sockets/tests/socket_select-wrongparams-1.phpt: a
// negative timeout makes select() fail with EINVAL: a warning, false, the
// code in the global last error only, and the arrays left as they were.
require __DIR__ . '/_dump.php';

$sockets = array();
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $sockets);
socket_write($sockets[1], 'ready');

$write  = null;
$except = null;
$time   = -1;
show('socket_select', socket_select($sockets, $write, $except, $time));
show('read still holds both', count($sockets));
show('socket_last_error()', socket_last_error());
show('socket_last_error($sockets[0])', socket_last_error($sockets[0]));
$read = [$sockets[0]];
show('seconds -1 with microseconds', socket_select($read, $write, $except, -1, 500));
show('seconds null waits for readiness', socket_select($read, $write, $except, null));
socket_close($sockets[0]);
socket_close($sockets[1]);
