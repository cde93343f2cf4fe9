<?php
// Port of php-src ext/sockets/tests/mcast_ipv4_send_error.phpt: unusual values
// for the IPv4 multicast options. IP_MULTICAST_LOOP takes any value as a
// boolean (256 is true, not 0 as a cast to unsigned char would make it);
// IP_MULTICAST_TTL must be within 0..255 (256 and -1 throw a ValueError and
// leave the value alone), and a numeric string is accepted. Only options:
// no packet is sent.
require __DIR__ . '/_dump.php';

$domain = AF_INET;
$level = IPPROTO_IP;
$s = socket_create($domain, SOCK_DGRAM, SOL_UDP);

section('Setting IP_MULTICAST_LOOP with 256');
show('set', socket_set_option($s, $level, IP_MULTICAST_LOOP, 256));
show('get', socket_get_option($s, $level, IP_MULTICAST_LOOP));

section('Setting IP_MULTICAST_LOOP with false');
show('set', socket_set_option($s, $level, IP_MULTICAST_LOOP, false));
show('get', socket_get_option($s, $level, IP_MULTICAST_LOOP));

section('Setting IP_MULTICAST_TTL with 256');
attempt('set', fn() => socket_set_option($s, $level, IP_MULTICAST_TTL, 256));
show('get', socket_get_option($s, $level, IP_MULTICAST_TTL));

section('Setting IP_MULTICAST_TTL with "254"');
show('set', socket_set_option($s, $level, IP_MULTICAST_TTL, "254"));
show('get', socket_get_option($s, $level, IP_MULTICAST_TTL));

section('Setting IP_MULTICAST_TTL with -1');
attempt('set', fn() => socket_set_option($s, $level, IP_MULTICAST_TTL, -1));
show('get', socket_get_option($s, $level, IP_MULTICAST_TTL));
socket_close($s);
