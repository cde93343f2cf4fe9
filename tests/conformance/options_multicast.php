<?php
// Multicast options on the loopback interface only (no packet leaves the
// host): IP_MULTICAST_IF/IPV6_MULTICAST_IF by index and name, TTL, loop,
// hops, and the MCAST_* arrays with their errors (reference §2A.2, §2A.3).
require __DIR__ . '/_dump.php';

$lo = 'lo';
$s = socket_create(AF_INET, SOCK_DGRAM, 0);

section('IP_MULTICAST_IF');
show('default', socket_get_option($s, IPPROTO_IP, IP_MULTICAST_IF));
attempt('set lo by index', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, 1));
show('get', socket_get_option($s, IPPROTO_IP, IP_MULTICAST_IF));
attempt('set 0 (any)', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, 0));
show('get', socket_get_option($s, IPPROTO_IP, IP_MULTICAST_IF));
attempt('set lo by name', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, $lo));
show('get', socket_get_option($s, IPPROTO_IP, IP_MULTICAST_IF));
attempt('unknown index', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, 99999));
attempt('unknown name', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, 'nope0'));
attempt('numeric string is a name', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, '1'));
attempt('true is a name', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, true));
attempt('negative index', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, -1));
attempt('index too large', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, 4294967296));

section('IP_MULTICAST_TTL / IP_MULTICAST_LOOP');
attempt('ttl "254"', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_TTL, '254'));
show('ttl', socket_get_option($s, IPPROTO_IP, IP_MULTICAST_TTL));
attempt('ttl 256', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_TTL, 256));
attempt('ttl -1', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_TTL, -1));
attempt('loop 0', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_LOOP, 0));
show('loop', socket_get_option($s, IPPROTO_IP, IP_MULTICAST_LOOP));
attempt('loop 256 (true)', fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_LOOP, 256));
show('loop', socket_get_option($s, IPPROTO_IP, IP_MULTICAST_LOOP));

section('MCAST_* on IPv4');
$g = ['group' => '224.0.0.251', 'interface' => 1];
attempt('join', fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, $g));
attempt('join again', fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, $g));
show('last error', socket_last_error($s));
attempt('leave', fn() => socket_set_option($s, IPPROTO_IP, MCAST_LEAVE_GROUP, $g));
attempt('leave again', fn() => socket_set_option($s, IPPROTO_IP, MCAST_LEAVE_GROUP, $g));
attempt('join by interface name', fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => '224.0.0.252', 'interface' => $lo]));
$src = ['group' => '232.1.1.1', 'interface' => 1, 'source' => '127.0.0.1'];
attempt('join source group', fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_SOURCE_GROUP, $src));
attempt('leave source group', fn() => socket_set_option($s, IPPROTO_IP, MCAST_LEAVE_SOURCE_GROUP, $src));
attempt('block source', fn() => socket_set_option($s, IPPROTO_IP, MCAST_BLOCK_SOURCE, ['group' => '224.0.0.252', 'interface' => 1, 'source' => '127.0.0.2']));
attempt('unblock source', fn() => socket_set_option($s, IPPROTO_IP, MCAST_UNBLOCK_SOURCE, ['group' => '224.0.0.252', 'interface' => 1, 'source' => '127.0.0.2']));
attempt('no group', fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, ['interface' => 1]));
attempt('no source', fn() => socket_set_option($s, IPPROTO_IP, MCAST_BLOCK_SOURCE, ['group' => '224.0.0.251']));
attempt('scalar', fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, 5));
attempt('object', fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, new stdClass()));
attempt('unknown interface', fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => '224.0.0.1', 'interface' => 'nope0']));
attempt('interface out of range', fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => '224.0.0.1', 'interface' => 5000000000]));
$u = socket_create(AF_UNIX, SOCK_DGRAM, 0);
attempt('on an AF_UNIX socket', fn() => socket_set_option($u, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => '224.0.0.1']));
socket_close($u);
socket_close($s);

section('IPv6');
$s6 = socket_create(AF_INET6, SOCK_DGRAM, 0);
attempt('join ff02::fb on lo', fn() => socket_set_option($s6, IPPROTO_IPV6, MCAST_JOIN_GROUP, ['group' => 'ff02::fb', 'interface' => $lo]));
attempt('leave', fn() => socket_set_option($s6, IPPROTO_IPV6, MCAST_LEAVE_GROUP, ['group' => 'ff02::fb', 'interface' => 1]));
attempt('IPV6_MULTICAST_IF lo', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_IF, $lo));
show('IPV6_MULTICAST_IF', socket_get_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_IF));
attempt('IPV6_MULTICAST_IF unknown', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_IF, 'nope0'));
show('hops default', socket_get_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS));
attempt('hops 256', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, 256));
attempt('hops -2', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, -2));
attempt('hops 7', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, 7));
show('hops', socket_get_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS));
attempt('hops -1 (default)', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, -1));
show('hops', socket_get_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS));
attempt('loop "0"', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, '0'));
show('loop', socket_get_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_LOOP));
attempt('v6only', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_V6ONLY, 1));
show('v6only', socket_get_option($s6, IPPROTO_IPV6, IPV6_V6ONLY));
attempt('unicast hops 9', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 9));
show('unicast hops', socket_get_option($s6, IPPROTO_IPV6, IPV6_UNICAST_HOPS));
attempt('recvpktinfo', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1));
show('recvpktinfo', socket_get_option($s6, IPPROTO_IPV6, IPV6_RECVPKTINFO));
attempt('recvtclass', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_RECVTCLASS, 1));
show('recvtclass', socket_get_option($s6, IPPROTO_IPV6, IPV6_RECVTCLASS));
attempt('recvhoplimit', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1));
show('recvhoplimit', socket_get_option($s6, IPPROTO_IPV6, IPV6_RECVHOPLIMIT));
attempt('tclass 32', fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_TCLASS, 32));
show('tclass', socket_get_option($s6, IPPROTO_IPV6, IPV6_TCLASS));
attempt('get IPV6_PKTINFO', fn() => socket_get_option($s6, IPPROTO_IPV6, IPV6_PKTINFO));
socket_close($s6);
