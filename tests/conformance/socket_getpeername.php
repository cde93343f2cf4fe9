<?php
// Port of php-src ext/sockets/tests/socket_getpeername.phpt: a bound but
// unconnected TCP socket has no peer; getpeername warns, returns false and
// leaves the references alone (127.0.0.1 port 0 instead of 0.0.0.0 and a
// fixed port). Beyond the original: an unconnected UDP socket, and the peer
// once a UDP socket is connected.
require __DIR__ . '/_dump.php';

$s_c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
$s_bind = socket_bind($s_c, '127.0.0.1', 0);
show('socket_bind', $s_bind);
$s_peer = socket_getpeername($s_c, $ip, $port);
show('socket_getpeername', $s_peer);
show('ip', $ip);
show('port', $port);
show('socket_last_error($s_c)', socket_last_error($s_c));
socket_close($s_c);

$u = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
$ip = $port = 'untouched';
show('UDP socket_getpeername', socket_getpeername($u, $ip, $port));
show('values', [$ip, $port]);
$r = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
socket_bind($r, '::1', 0);
socket_getsockname($r, $raddr, $rport);
show('UDP socket_connect', socket_connect($u, '::1', $rport));
show('UDP socket_getpeername', socket_getpeername($u, $ip, $port));
show('ip', $ip);
show('port is the receiver port', $port === $rport);
socket_close($u);
socket_close($r);
