<?php
// Port of php-src ext/sockets/tests/socket_atmark.phpt: "a", urgent "b", "c"
// on a socket pair; with SO_OOBINLINE the urgent byte is read in line and the
// mark sits just before it. Beyond the original: the failure on a UDP socket
// (sockatmark() gives ENOTTY there) and the closed-socket error.
// HAND-WRITTEN: socket_atmark() is PHP 8.3+; the expected output is the php-src test's, plus the warning and Error texts of PHP 8.3's socket_atmark().
require __DIR__ . '/_dump.php';

$sockets = [];
show('socket_create_pair', socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $sockets));
show('write "a"', socket_write($sockets[0], "a"));
show('send "b" MSG_OOB', socket_send($sockets[0], "b", 1, MSG_OOB));
show('write "c"', socket_write($sockets[0], "c"));

$data = "";
show('socket_atmark', socket_atmark($sockets[1]));
show('SO_OOBINLINE', socket_set_option($sockets[1], SOL_SOCKET, SO_OOBINLINE, 1));
show('socket_atmark', socket_atmark($sockets[1]));
socket_recv($sockets[1], $data, 1, 0);
show('recv', $data);
show('socket_atmark', socket_atmark($sockets[1]));
socket_recv($sockets[1], $data, 1, 0);
show('recv', $data);
show('socket_atmark', socket_atmark($sockets[1]));
socket_recv($sockets[1], $data, 1, 0);
show('recv', $data);
show('socket_atmark', socket_atmark($sockets[1]));

socket_close($sockets[0]);
socket_close($sockets[1]);

$udp = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
show('socket_atmark on UDP', socket_atmark($udp));
show('socket_last_error($udp)', socket_last_error($udp));
socket_close($udp);
attempt('socket_atmark on a closed socket', fn() => socket_atmark($udp));
