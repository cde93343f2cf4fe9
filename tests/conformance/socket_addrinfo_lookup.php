<?php
// Port of php-src ext/sockets/tests/socket_addrinfo_lookup.phpt: a hints
// array with an unknown key. The php-src test expects the notice of other
// versions; PHP 8.2 throws a ValueError, which this records. Adds: the same
// lookup without the unknown key (port 0 instead of 2000), and what it finds.
require __DIR__ . '/_dump.php';

attempt('unknown hint', fn() => socket_addrinfo_lookup('127.0.0.1', 0, [
    'ai_family' => AF_INET,
    'ai_socktype' => SOCK_DGRAM,
    'invalid' => null,
]));
$addrinfo = socket_addrinfo_lookup('127.0.0.1', 0, [
    'ai_family' => AF_INET,
    'ai_socktype' => SOCK_DGRAM,
]);
show('count', count($addrinfo));
show('first', $addrinfo[0]);
$e = socket_addrinfo_explain($addrinfo[0]);
unset($e['ai_canonname']);
show('explain', $e);
echo "Done\n";
