<?php
// Port of php-src ext/sockets/tests/socket_dontfragment.phpt (PHP 8.3): on a
// UDP socket bound to 127.0.0.1 (port 0 instead of 5557), IP_MTU_DISCOVER
// set to IP_PMTUDISC_DO succeeds. Beyond the original: it reads back, so do
// the other IP_PMTUDISC_* modes, and an unknown mode fails with EINVAL.
// HAND-WRITTEN: IP_MTU_DISCOVER and IP_PMTUDISC_* are PHP 8.3+ constants; the option is a plain int one, so the output follows PHP's generic int conversion and warning text.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
socket_bind($socket, '127.0.0.1', 0);
$ret = socket_set_option($socket, IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DO);
show('IP_PMTUDISC_DO', $ret);
show('socket_get_option', socket_get_option($socket, IPPROTO_IP, IP_MTU_DISCOVER) === IP_PMTUDISC_DO);
foreach (['IP_PMTUDISC_DONT', 'IP_PMTUDISC_WANT', 'IP_PMTUDISC_PROBE', 'IP_PMTUDISC_INTERFACE', 'IP_PMTUDISC_OMIT'] as $mode) {
    $set = socket_set_option($socket, IPPROTO_IP, IP_MTU_DISCOVER, constant($mode));
    show($mode, $set && socket_get_option($socket, IPPROTO_IP, IP_MTU_DISCOVER) === constant($mode));
}
show('mode 99', socket_set_option($socket, IPPROTO_IP, IP_MTU_DISCOVER, 99));
show('unchanged', socket_get_option($socket, IPPROTO_IP, IP_MTU_DISCOVER) === IP_PMTUDISC_OMIT);
socket_close($socket);
