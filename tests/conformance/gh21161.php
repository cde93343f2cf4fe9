<?php
// Port of php-src ext/sockets/tests/gh21161.phpt: a null "addr" in sticky
// IPV6_PKTINFO is the empty string, which does not resolve.
// HAND-WRITTEN: PHP 8.2 crashes (segmentation fault) after the first warning; the expected output is the fixed PHP's, as in the php-src test, with glibc's text for the -10000 lookup code.
require __DIR__ . '/_dump.php';

$sock = socket_create(AF_INET6, SOCK_DGRAM, 0);
attempt('null addr', fn() => socket_set_option($sock, IPPROTO_IPV6, IPV6_PKTINFO, ['addr' => null, 'ifindex' => 0]));
socket_close($sock);
