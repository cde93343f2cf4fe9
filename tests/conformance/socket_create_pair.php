<?php
// Port of php-src ext/sockets/tests/socket_create_pair.phpt: an AF_UNIX
// SOCK_STREAM pair fills the array with two Socket objects (the original
// var_dump()s it); beyond that, the two are distinct, connected both ways,
// and stream sockets of the AF_UNIX family.
require __DIR__ . '/_dump.php';

$sockets = array();
show('socket_create_pair', socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $sockets));
show('sockets', $sockets);
show('distinct', $sockets[0] !== $sockets[1]);
show('SO_TYPE', [socket_get_option($sockets[0], SOL_SOCKET, SO_TYPE), socket_get_option($sockets[1], SOL_SOCKET, SO_TYPE)]);
show('0 -> 1', socket_write($sockets[0], "x") . ' ' . socket_read($sockets[1], 10));
show('1 -> 0', socket_write($sockets[1], "yz") . ' ' . socket_read($sockets[0], 10));
show('getpeername', socket_getpeername($sockets[0], $addr));
show('peer address', $addr);
socket_close($sockets[0]);
socket_close($sockets[1]);
