<?php
// Port of php-src ext/sockets/tests/socket_bind.phpt, which binds a client's
// source address before connecting to www.php.net: here the client binds
// 127.0.0.1 port 0 and connects to a listener on 127.0.0.1, which sees the
// bound port as its peer's and receives the request line; socket_close
// returns null. Beyond the original: binding twice fails with EINVAL.
require __DIR__ . '/_dump.php';

$server = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($server, '127.0.0.1', 0);
socket_listen($server);
socket_getsockname($server, $addr, $server_port);

$s_c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
$s_bind = socket_bind($s_c, '127.0.0.1', 0);
show('socket_bind', $s_bind);
socket_getsockname($s_c, $addr, $bound_port);
show('bind again', socket_bind($s_c, '127.0.0.1', 0));
$s_conn = socket_connect($s_c, '127.0.0.1', $server_port);
show('socket_connect', $s_conn);
$request = 'GET / HTTP/1.1' . "\r\n";
$s_write = socket_write($s_c, $request);
show('socket_write', $s_write);

$conn = socket_accept($server);
socket_getpeername($conn, $peer, $peer_port);
show('peer', $peer);
show('peer port is the bound port', $peer_port === $bound_port);
show('server reads', socket_read($conn, 100));

$s_close = socket_close($s_c);
show('socket_close', $s_close);
socket_close($conn);
socket_close($server);
