<?php
// Port of php-src ext/sockets/tests/mcast_ipv6_send.phpt: the IPv6 multicast
// sending options (hops, loop, outgoing interface by index; index 1 is the
// loopback interface) set and read back on a UDP socket. Only options: no
// packet is sent. Beyond the original: the interface given by name.
require __DIR__ . '/_dump.php';

$domain = AF_INET6;
$level = IPPROTO_IPV6;
$s = socket_create($domain, SOCK_DGRAM, SOL_UDP);

section('Setting IPV6_MULTICAST_HOPS');
show('set 9', socket_set_option($s, $level, IPV6_MULTICAST_HOPS, 9));
show('get', socket_get_option($s, $level, IPV6_MULTICAST_HOPS));

section('Setting IPV6_MULTICAST_LOOP');
show('set 0', socket_set_option($s, $level, IPV6_MULTICAST_LOOP, 0));
show('get', socket_get_option($s, $level, IPV6_MULTICAST_LOOP));
show('set 1', socket_set_option($s, $level, IPV6_MULTICAST_LOOP, 1));
show('get', socket_get_option($s, $level, IPV6_MULTICAST_LOOP));

section('Setting IPV6_MULTICAST_IF');
show('interface 0', socket_set_option($s, $level, IPV6_MULTICAST_IF, 0));
show('get', socket_get_option($s, $level, IPV6_MULTICAST_IF));
show('interface 1', socket_set_option($s, $level, IPV6_MULTICAST_IF, 1));
show('get', socket_get_option($s, $level, IPV6_MULTICAST_IF));
show('interface "lo"', socket_set_option($s, $level, IPV6_MULTICAST_IF, 'lo'));
show('get', socket_get_option($s, $level, IPV6_MULTICAST_IF));
socket_close($s);
