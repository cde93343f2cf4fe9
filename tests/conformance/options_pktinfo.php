<?php
// Sticky IPV6_PKTINFO with socket_set_option: the in6_pktinfo array that
// socket_sendmsg also takes, and the converter's warnings (reference §2A.2).
require __DIR__ . '/_dump.php';

$s = socket_create(AF_INET6, SOCK_DGRAM, 0);
attempt('addr and ifindex 0', fn() => socket_set_option($s, IPPROTO_IPV6, IPV6_PKTINFO, ['addr' => '::1', 'ifindex' => 0]));
attempt('interface by name', fn() => socket_set_option($s, IPPROTO_IPV6, IPV6_PKTINFO, ['addr' => '::1', 'ifindex' => 'lo']));
attempt('no ifindex', fn() => socket_set_option($s, IPPROTO_IPV6, IPV6_PKTINFO, ['addr' => '::1']));
attempt('no addr', fn() => socket_set_option($s, IPPROTO_IPV6, IPV6_PKTINFO, ['ifindex' => 1]));
attempt('not an array', fn() => socket_set_option($s, IPPROTO_IPV6, IPV6_PKTINFO, 5));
attempt('unknown interface', fn() => socket_set_option($s, IPPROTO_IPV6, IPV6_PKTINFO, ['addr' => '::1', 'ifindex' => 'nope0']));
attempt('negative index', fn() => socket_set_option($s, IPPROTO_IPV6, IPV6_PKTINFO, ['addr' => '::1', 'ifindex' => -1]));
attempt('get', fn() => socket_get_option($s, IPPROTO_IPV6, IPV6_PKTINFO));
socket_close($s);
