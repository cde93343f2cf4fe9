<?php
// Port of php-src ext/sockets/tests/socket_create_pair_sockexec.phpt (PHP
// 8.4): the type may carry SOCK_CLOEXEC and SOCK_NONBLOCK; an unknown type
// with them is still rejected, with the message 8.4 extended. Beyond the
// original: socket_create() accepts them too, and a SOCK_NONBLOCK socket
// does not block (a read with nothing to read gives false and EAGAIN).
// HAND-WRITTEN: SOCK_CLOEXEC and SOCK_NONBLOCK are PHP 8.4+; the expected output follows PHP 8.4's sockets.c (its ValueError text with Linux's SOCK_NONBLOCK).
require __DIR__ . '/_dump.php';

$sockets = array();
attempt('type 11 | SOCK_CLOEXEC', function () use (&$sockets) {
    return socket_create_pair(AF_UNIX, 11 | SOCK_CLOEXEC, 0, $sockets);
});
attempt('type 11 | SOCK_NONBLOCK', function () use (&$sockets) {
    return socket_create_pair(AF_UNIX, 11 | SOCK_NONBLOCK, 0, $sockets);
});
attempt('type 11 | both', function () use (&$sockets) {
    return socket_create_pair(AF_UNIX, 11 | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, $sockets);
});
attempt('type 31337', function () use (&$sockets) {
    return socket_create_pair(AF_INET, 31337, 0, $sockets);
});
attempt('SOCK_STREAM | both', function () use (&$sockets) {
    return socket_create_pair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, $sockets);
});
show('read with nothing to read', socket_read($sockets[0], 10));
show('socket_last_error($sockets[0])', socket_last_error($sockets[0]));
show('SO_TYPE', socket_get_option($sockets[1], SOL_SOCKET, SO_TYPE));
socket_close($sockets[0]);
socket_close($sockets[1]);

$s = attempt('socket_create SOCK_DGRAM | SOCK_NONBLOCK', fn() => socket_create(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0));
socket_bind($s, '127.0.0.1', 0);
$buf = $from = $port = 'untouched';
show('recvfrom with nothing to read', socket_recvfrom($s, $buf, 10, 0, $from, $port));
show('socket_last_error($s)', socket_last_error($s));
show('SO_TYPE', socket_get_option($s, SOL_SOCKET, SO_TYPE));
socket_close($s);
attempt('socket_create type 11 | SOCK_CLOEXEC', fn() => socket_create(AF_INET, 11 | SOCK_CLOEXEC, 0));
