<?php
// Port of php-src ext/sockets/tests/socket_addrinfo_explain.phpt and
// socket_addrinfo_connect.phpt: 127.0.0.1:2000 over UDP, explained, and a
// UDP socket "connected" to it (nothing is sent).
require __DIR__ . '/_dump.php';

$addrinfo = socket_addrinfo_lookup('127.0.0.1', 2000, [
    'ai_family' => AF_INET,
    'ai_socktype' => SOCK_DGRAM,
]);
$result = socket_addrinfo_explain($addrinfo[0]);
// Musl sets ai_canonname even if AI_CANONNAME is not specified.
unset($result['ai_canonname']);
show('explain', $result);
show('connect', socket_addrinfo_connect($addrinfo[0]));
echo "Done\n";
