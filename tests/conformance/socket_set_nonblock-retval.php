<?php
// Port of php-src ext/sockets/tests/socket_set_nonblock-retval.phpt:
// socket_set_nonblock() returns true on a listening socket (bound to 127.0.0.1
// port 0 instead of socket_create_listen() on a fixed port), and on a closed
// socket throws the Error that replaced PHP 7's TypeError for a closed
// resource. Beyond the original: it is idempotent, and SO_TYPE still reads.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($socket, '127.0.0.1', 0);
socket_listen($socket);
show('socket_set_nonblock', socket_set_nonblock($socket));
show('again', socket_set_nonblock($socket));
show('SO_TYPE', socket_get_option($socket, SOL_SOCKET, SO_TYPE));
show('socket_last_error($socket)', socket_last_error($socket));
socket_close($socket);

$socket2 = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_close($socket2);
attempt('closed', fn() => socket_set_nonblock($socket2));
