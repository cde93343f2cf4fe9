<?php
// socket_cmsg_space: CMSG_SPACE of each ancillary type PHP registers (Linux
// x86_64 values) and its ValueErrors. Port of php-src's
// socket_cmsg_space_num_range_64bit.phpt and socket_cmsg_space_return_type.phpt.
require __DIR__ . '/_dump.php';

section('values');
foreach ([0, 1, 2, 3, 4, 5, 253] as $n) {
    show("SCM_RIGHTS, $n", socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, $n));
}
show('SCM_RIGHTS, 2**31-1', socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 2147483647));
show('SCM_CREDENTIALS', socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS));
show('SCM_CREDENTIALS, 5 (num ignored)', socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS, 5));
show('IPV6_PKTINFO', socket_cmsg_space(IPPROTO_IPV6, IPV6_PKTINFO));
show('IPV6_HOPLIMIT', socket_cmsg_space(IPPROTO_IPV6, IPV6_HOPLIMIT));
show('IPV6_TCLASS', socket_cmsg_space(IPPROTO_IPV6, IPV6_TCLASS, 100));

section('errors');
attempt('unknown pair', fn() => socket_cmsg_space(0, 9999));
attempt('unknown pair, negative', fn() => socket_cmsg_space(-1, -2));
attempt('IPV6_PKTINFO at SOL_SOCKET', fn() => socket_cmsg_space(SOL_SOCKET, IPV6_PKTINFO));
attempt('num -1 before the pair check', fn() => socket_cmsg_space(0, 9999, -1));
attempt('num -1', fn() => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, -1));
attempt('level 2**31', fn() => socket_cmsg_space(2147483648, 1));
attempt('level -2**31-1', fn() => socket_cmsg_space(-2147483649, 1));
attempt('type 2**31 before num -1', fn() => socket_cmsg_space(1, 2147483648, -1));
attempt('num 2**31', fn() => socket_cmsg_space(1, 1, 2147483648));
attempt('num PHP_INT_MAX', fn() => socket_cmsg_space(1, 1, PHP_INT_MAX));
attempt('one argument', fn() => socket_cmsg_space(1));
attempt('four arguments', fn() => socket_cmsg_space(1, 1, 1, 1));
attempt('level string', fn() => socket_cmsg_space('x', 1));
attempt('num array', fn() => socket_cmsg_space(1, 1, []));
