<?php
// socket_set_option/socket_get_option value conversions (reference §2A):
// integers from PHP's loose conversions, SO_LINGER and SO_RCVTIMEO arrays,
// TCP_CONGESTION, SO_MEMINFO's keys, and the failure paths.
require __DIR__ . '/_dump.php';

$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);

section('defaults of a fresh TCP socket');
show('SO_TYPE', socket_get_option($s, SOL_SOCKET, SO_TYPE));
show('SO_ERROR', socket_get_option($s, SOL_SOCKET, SO_ERROR));
show('SO_KEEPALIVE', socket_get_option($s, SOL_SOCKET, SO_KEEPALIVE));
show('TCP_NODELAY', socket_get_option($s, SOL_TCP, TCP_NODELAY));
show('SO_LINGER', socket_get_option($s, SOL_SOCKET, SO_LINGER));
show('SO_RCVTIMEO', socket_get_option($s, SOL_SOCKET, SO_RCVTIMEO));
show('SO_INCOMING_CPU', socket_get_option($s, SOL_SOCKET, SO_INCOMING_CPU));
show('SO_MEMINFO keys', array_keys(socket_get_option($s, SOL_SOCKET, SO_MEMINFO)));

section('integer conversions');
foreach ([1, true, "1", "7abc", 2.9, [1], [], null, "abc", false] as $i => $v) {
    attempt("SO_KEEPALIVE set #$i", fn() => socket_set_option($s, SOL_SOCKET, SO_KEEPALIVE, $v));
    show("SO_KEEPALIVE get #$i", socket_get_option($s, SOL_SOCKET, SO_KEEPALIVE));
}
attempt('object', fn() => socket_setopt($s, SOL_SOCKET, SO_REUSEADDR, new stdClass()));
show('SO_REUSEADDR', socket_getopt($s, SOL_SOCKET, SO_REUSEADDR));
attempt('TCP_KEEPIDLE 30', fn() => socket_set_option($s, SOL_TCP, TCP_KEEPIDLE, 30));
show('TCP_KEEPIDLE', socket_get_option($s, SOL_TCP, TCP_KEEPIDLE));
attempt('TCP_KEEPINTVL "15"', fn() => socket_set_option($s, SOL_TCP, TCP_KEEPINTVL, "15"));
show('TCP_KEEPINTVL', socket_get_option($s, SOL_TCP, TCP_KEEPINTVL));
attempt('TCP_KEEPCNT 4', fn() => socket_set_option($s, SOL_TCP, TCP_KEEPCNT, 4));
show('TCP_KEEPCNT', socket_get_option($s, SOL_TCP, TCP_KEEPCNT));
attempt('TCP_NODELAY', fn() => socket_set_option($s, SOL_TCP, TCP_NODELAY, 1));
show('TCP_NODELAY', socket_get_option($s, SOL_TCP, TCP_NODELAY));
attempt('SO_SNDBUF [1]', fn() => socket_set_option($s, SOL_SOCKET, SO_SNDBUF, [1]));
show('SO_SNDBUF (kernel minimum)', socket_get_option($s, SOL_SOCKET, SO_SNDBUF));

section('SO_LINGER');
attempt('set', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 5]));
show('get', socket_get_option($s, SOL_SOCKET, SO_LINGER));
attempt('strings and floats', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => '1', 'l_linger' => 7.9]));
show('get', socket_get_option($s, SOL_SOCKET, SO_LINGER));
attempt('no l_onoff', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_linger' => 5]));
attempt('no l_linger', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1]));
attempt('scalar', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, 5));
attempt('empty', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, []));

section('SO_RCVTIMEO / SO_SNDTIMEO');
attempt('set', fn() => socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 1, 'usec' => 500000]));
show('get', socket_get_option($s, SOL_SOCKET, SO_RCVTIMEO));
attempt('strings', fn() => socket_set_option($s, SOL_SOCKET, SO_SNDTIMEO, ['sec' => '2', 'usec' => 'abc']));
show('get', socket_get_option($s, SOL_SOCKET, SO_SNDTIMEO));
attempt('usec out of domain', fn() => socket_set_option($s, SOL_SOCKET, SO_SNDTIMEO, ['sec' => 1, 'usec' => 1000000]));
show('last error', socket_last_error($s));
attempt('no sec', fn() => socket_set_option($s, SOL_SOCKET, SO_SNDTIMEO, ['usec' => 1]));
attempt('no usec', fn() => socket_set_option($s, SOL_SOCKET, SO_SNDTIMEO, ['sec' => 1]));

section('TCP_CONGESTION');
attempt('set reno', fn() => socket_set_option($s, SOL_TCP, TCP_CONGESTION, 'reno'));
show('get', socket_get_option($s, SOL_TCP, TCP_CONGESTION));
attempt('set unknown', fn() => socket_set_option($s, SOL_TCP, TCP_CONGESTION, 'no-such-algo'));

section('failures');
attempt('get at level -1', fn() => socket_get_option($s, -1, 1));
attempt('set at level -1', fn() => socket_set_option($s, -1, 1, 1));
attempt('get IPV6_PKTINFO', fn() => socket_get_option($s, IPPROTO_IPV6, IPV6_PKTINFO));
attempt('too few arguments', fn() => socket_set_option($s, SOL_SOCKET, SO_REUSEADDR));
attempt('level not an int', fn() => socket_get_option($s, 'x', SO_TYPE));
socket_close($s);
