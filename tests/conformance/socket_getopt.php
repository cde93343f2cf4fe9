<?php
// Port of php-src ext/sockets/tests/socket_getopt.phpt: IPv4 multicast
// options set with socket_set_option() read back with the socket_getopt()
// alias: TTL 9, loop off and on, the interface by index (0 = any, 1 =
// loopback, read back through its address). Only options are set: no packet
// is sent. Beyond the original: socket_setopt() on the way back, and the
// alias's own name in its error.
require __DIR__ . '/_dump.php';

$domain = AF_INET;
$level = IPPROTO_IP;
$s = socket_create($domain, SOCK_DGRAM, SOL_UDP);

section('Setting IP_MULTICAST_TTL');
show('set 9', socket_set_option($s, $level, IP_MULTICAST_TTL, 9));
show('socket_getopt', socket_getopt($s, $level, IP_MULTICAST_TTL));

section('Setting IP_MULTICAST_LOOP');
show('set 0', socket_set_option($s, $level, IP_MULTICAST_LOOP, 0));
show('socket_getopt', socket_getopt($s, $level, IP_MULTICAST_LOOP));
show('set 1', socket_set_option($s, $level, IP_MULTICAST_LOOP, 1));
show('socket_getopt', socket_getopt($s, $level, IP_MULTICAST_LOOP));

section('Setting IP_MULTICAST_IF');
show('interface 0', socket_set_option($s, $level, IP_MULTICAST_IF, 0));
show('socket_getopt', socket_getopt($s, $level, IP_MULTICAST_IF));
show('interface 1', socket_set_option($s, $level, IP_MULTICAST_IF, 1));
show('socket_getopt', socket_getopt($s, $level, IP_MULTICAST_IF));

section('socket_setopt');
show('TTL 3', socket_setopt($s, $level, IP_MULTICAST_TTL, 3));
show('socket_getopt', socket_getopt($s, $level, IP_MULTICAST_TTL));
attempt('TTL 300', fn() => socket_setopt($s, $level, IP_MULTICAST_TTL, 300));
show('socket_getopt at level -1', socket_getopt($s, -1, IP_MULTICAST_TTL));
socket_close($s);
