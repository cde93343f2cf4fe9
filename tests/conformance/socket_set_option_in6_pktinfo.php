<?php
// Port of php-src ext/sockets/tests/socket_set_option_in6_pktinfo.phpt:
// sticky IPV6_PKTINFO needs both keys of the in6_pktinfo array. Beyond the
// original: the interface given by name, and the option still unreadable on
// Linux (do_ipv6_getsockopt() has no IPV6_PKTINFO).
require __DIR__ . '/_dump.php';

$s = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
attempt('empty array', fn() => socket_set_option($s, IPPROTO_IPV6, IPV6_PKTINFO, []));
attempt('::1 on any interface', fn() => socket_set_option($s, IPPROTO_IPV6, IPV6_PKTINFO, ['addr' => '::1', 'ifindex' => 0]));
attempt('::1 on lo by name', fn() => socket_set_option($s, IPPROTO_IPV6, IPV6_PKTINFO, ['addr' => '::1', 'ifindex' => 'lo']));
attempt('read back', fn() => socket_get_option($s, IPPROTO_IPV6, IPV6_PKTINFO));
socket_close($s);
