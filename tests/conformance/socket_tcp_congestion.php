<?php
// Port of php-src ext/sockets/tests/socket_tcp_congestion.phpt: TCP_CONGESTION
// reads as ['name' => algorithm], starting with the system's default, and
// can be switched to an algorithm unprivileged users are allowed: "reno",
// always allowed, instead of the original's "cubic", which need not be (here
// /proc/sys/net/ipv4/tcp_allowed_congestion_control says "reno bbr"). Then
// back to the default, which is always allowed too; "" is refused.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
$r = socket_get_option($socket, SOL_TCP, TCP_CONGESTION);
show('keys', array_keys($r));
$default = $r['name'];
show('current tcp congestion algo is a name', is_string($default) && $default !== '');
show('set "reno"', socket_set_option($socket, SOL_TCP, TCP_CONGESTION, 'reno'));
show('new tcp congestion algo', socket_get_option($socket, SOL_TCP, TCP_CONGESTION));
show('back to the default', socket_set_option($socket, SOL_TCP, TCP_CONGESTION, $default));
show('is the default', socket_get_option($socket, SOL_TCP, TCP_CONGESTION) === ['name' => $default]);
show('set ""', socket_set_option($socket, SOL_TCP, TCP_CONGESTION, ''));
socket_close($socket);
