<?php
// Port of php-src ext/sockets/tests/mcast_ipv4_send.phpt: the IPv4 multicast
// sending options (TTL, loop, outgoing interface by index; index 1 is the
// loopback interface, read back through its address) set and read back on a
// UDP socket. Only options: no packet is sent. Beyond the original: the
// interface given by name.
require __DIR__ . '/_dump.php';

$domain = AF_INET;
$level = IPPROTO_IP;
$s = socket_create($domain, SOCK_DGRAM, SOL_UDP);

section('Setting IP_MULTICAST_TTL');
show('set 9', socket_set_option($s, $level, IP_MULTICAST_TTL, 9));
show('get', socket_get_option($s, $level, IP_MULTICAST_TTL));

section('Setting IP_MULTICAST_LOOP');
show('set 0', socket_set_option($s, $level, IP_MULTICAST_LOOP, 0));
show('get', socket_get_option($s, $level, IP_MULTICAST_LOOP));
show('set 1', socket_set_option($s, $level, IP_MULTICAST_LOOP, 1));
show('get', socket_get_option($s, $level, IP_MULTICAST_LOOP));

section('Setting IP_MULTICAST_IF');
show('interface 0', socket_set_option($s, $level, IP_MULTICAST_IF, 0));
show('get', socket_get_option($s, $level, IP_MULTICAST_IF));
show('interface 1', socket_set_option($s, $level, IP_MULTICAST_IF, 1));
show('get', socket_get_option($s, $level, IP_MULTICAST_IF));
show('interface "lo"', socket_set_option($s, $level, IP_MULTICAST_IF, 'lo'));
show('get', socket_get_option($s, $level, IP_MULTICAST_IF));
socket_close($s);
