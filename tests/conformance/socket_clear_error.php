<?php
// Port of php-src ext/sockets/tests/socket_clear_error.phpt: a refused
// connect stores ECONNREFUSED in the socket and the global last error;
// socket_clear_error($socket) clears only the socket's (the original connects
// to the fixed port 21248; here to a port that was bound and released).
// Beyond the original: socket_clear_error() without a socket clears the
// global one, and returns null.
require __DIR__ . '/_dump.php';

$probe = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($probe, '127.0.0.1', 0);
socket_getsockname($probe, $addr, $port);
socket_close($probe);

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
$socketConn = socket_connect($socket, "127.0.0.1", $port);
show('socket_connect', $socketConn);
show('socket_last_error($socket)', socket_last_error($socket));
show('socket_last_error()', socket_last_error());
show('socket_clear_error($socket)', socket_clear_error($socket));
show('socket_last_error($socket)', socket_last_error($socket));
show('socket_last_error()', socket_last_error());
show('socket_clear_error()', socket_clear_error());
show('socket_last_error()', socket_last_error());
show('socket_clear_error(null)', socket_clear_error(null));
socket_close($socket);
attempt('socket_clear_error on a closed socket', fn() => socket_clear_error($socket));
attempt('socket_last_error on a closed socket', fn() => socket_last_error($socket));
