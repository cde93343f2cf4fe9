<?php
// Port of php-src ext/sockets/tests/socket_accept_failure.phpt: accept on a
// fresh TCP socket that is not listening warns and returns false; beyond the
// original, the code goes to the global last error only (the failure belongs
// to the socket accept would have made), and the same on a bound socket, a
// UDP socket and an AF_UNIX socket.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
show('socket_accept', socket_accept($socket));
show('socket_last_error()', socket_last_error());
show('socket_last_error($socket)', socket_last_error($socket));
socket_bind($socket, '127.0.0.1', 0);
show('bound, not listening', socket_accept($socket));
socket_close($socket);
$udp = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
show('UDP', socket_accept($udp));
show('socket_last_error()', socket_last_error());
socket_close($udp);
$unix = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('AF_UNIX SOCK_DGRAM', socket_accept($unix));
socket_close($unix);
attempt('closed', fn() => socket_accept($unix));
