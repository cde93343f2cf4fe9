<?php
// IPv6 ancillary data on ::1: the receiver asks for IPV6_PKTINFO,
// IPV6_TCLASS and IPV6_HOPLIMIT; the sender sets them per message with
// socket_sendmsg. Port of php-src's socket_sendrecvmsg_multi_msg.phpt and
// socket_sendrecvmsg_multi_msg-unix.phpt (ports 0 instead of fixed ones).
require __DIR__ . '/_dump.php';

$s = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
show('bind sender', socket_bind($s, '::1', 0));
socket_getsockname($s, $a, $sport);
$r = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
show('bind receiver', socket_bind($r, '::1', 0));
socket_getsockname($r, $a, $rport);
socket_set_option($r, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1);
socket_set_option($r, IPPROTO_IPV6, IPV6_RECVTCLASS, 1);

function receive($r, int $controllen, int $sport): void
{
    $data = ['name' => ['family' => AF_INET6, 'addr' => '::1'], 'buffer_size' => 2000, 'controllen' => $controllen];
    show('recvmsg', socket_recvmsg($r, $data, 0));
    if (is_array($data['name'] ?? null) && $data['name']['port'] === $sport) {
        $data['name']['port'] = 'sender port';
    }
    foreach ($data as $key => $value) {
        show("  $key", $value);
    }
}

$space = socket_cmsg_space(IPPROTO_IPV6, IPV6_PKTINFO) + socket_cmsg_space(IPPROTO_IPV6, IPV6_TCLASS);
show('controllen', $space);

section('tclass 40');
show('sendmsg', socket_sendmsg($s, [
    'name' => ['addr' => '::1', 'port' => $rport],
    'iov' => ['test ', 'thing', "\n"],
    'control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_TCLASS, 'data' => 40]],
], 0));
receive($r, $space, $sport);

section('pktinfo (Windows variant of the test), interface by index');
show('sendmsg', socket_sendmsg($s, [
    'name' => ['addr' => '::1', 'port' => $rport],
    'iov' => ['test ', 'thing', "\n"],
    'control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_PKTINFO, 'data' => ['addr' => '::1', 'ifindex' => 1]]],
], 0));
receive($r, $space, $sport);

section('pktinfo, interface by name');
show('sendmsg', socket_sendmsg($s, [
    'name' => ['addr' => '::1', 'port' => $rport],
    'iov' => ['by name'],
    'control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_PKTINFO, 'data' => ['addr' => '::1', 'ifindex' => 'lo']]],
], 0));
receive($r, $space, $sport);

section('hop limit too');
socket_set_option($r, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1);
$space3 = $space + socket_cmsg_space(IPPROTO_IPV6, IPV6_HOPLIMIT);
show('sendmsg', socket_sendmsg($s, [
    'name' => ['addr' => '::1', 'port' => $rport],
    'iov' => ['three'],
    'control' => [
        ['level' => IPPROTO_IPV6, 'type' => IPV6_HOPLIMIT, 'data' => 9],
        ['level' => IPPROTO_IPV6, 'type' => IPV6_TCLASS, 'data' => "12"],
    ],
], 0));
receive($r, $space3, $sport);

section('several messages queued');
foreach (['one', 'two', 'three'] as $i => $word) {
    socket_sendmsg($s, [
        'name' => ['addr' => '::1', 'port' => $rport],
        'iov' => [$word],
        'control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_TCLASS, 'data' => 4 * ($i + 1)]],
    ], 0);
}
foreach ([1, 2, 3] as $i) {
    receive($r, $space3, $sport);
}

section('control buffer for the pktinfo only: the rest is cut');
socket_sendmsg($s, ['name' => ['addr' => '::1', 'port' => $rport], 'iov' => ['cut']], 0);
receive($r, socket_cmsg_space(IPPROTO_IPV6, IPV6_PKTINFO), $sport);
socket_close($s);
socket_close($r);
