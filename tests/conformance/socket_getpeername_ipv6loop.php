<?php
// Port of php-src ext/sockets/tests/socket_getpeername_ipv6loop.phpt: after a
// loopback connect, the client's peer is the server's address and port (port
// 0 here instead of the first free one of 31337-31356); and, beyond the
// original, the accepted socket's peer is the client's own name.
require __DIR__ . '/_dump.php';

$localhost = '::1';
$server = socket_create(AF_INET6, SOCK_STREAM, SOL_TCP);
socket_bind($server, $localhost, 0);
socket_listen($server, 2);
socket_getsockname($server, $unused, $port);
$client = socket_create(AF_INET6, SOCK_STREAM, SOL_TCP);
show('socket_connect', socket_connect($client, $localhost, $port));
$socket = socket_accept($server);

$address = $peerport = 'untouched';
show('socket_getpeername', socket_getpeername($client, $address, $peerport));
show('address', $address);
show('peer port is the server port', $port === $peerport);

socket_getsockname($client, $caddr, $cport);
show('accepted socket_getpeername', socket_getpeername($socket, $address, $peerport));
show('address is the client address', $address === $caddr);
show('port is the client port', $peerport === $cport);
show('client port differs', $cport !== $port);
show('only the address', socket_getpeername($socket, $address));
show('address', $address);

socket_close($client);
socket_close($socket);
socket_close($server);
