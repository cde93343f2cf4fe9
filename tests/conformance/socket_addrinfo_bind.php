<?php
// Port of php-src ext/sockets/tests/socket_addrinfo_bind.phpt: 127.0.0.1
// over UDP looked up and bound, with port 0 instead of 2000. Adds: the
// address bound, and a datagram to the bound socket arrives.
require __DIR__ . '/_dump.php';

$addrinfo = socket_addrinfo_lookup('127.0.0.1', 0, [
    'ai_family' => AF_INET,
    'ai_socktype' => SOCK_DGRAM,
]);
show('count', count($addrinfo));
$sock = socket_addrinfo_bind($addrinfo[0]);
show('bind', $sock);
socket_getsockname($sock, $addr, $port);
show('addr', $addr);
show('port > 0', $port > 0);
$c = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
show('sendto', socket_sendto($c, 'hello', 5, 0, '127.0.0.1', $port));
show('recvfrom', socket_recvfrom($sock, $buf, 100, 0, $from, $fromPort));
show('buf', $buf);
show('from', $from);
echo "Done\n";
