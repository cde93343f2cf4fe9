<?php
// Port of php-src ext/sockets/tests/socket_sendrecvmsg_multi_msg-unix.phpt: a
// datagram sent on ::1 with socket_sendmsg, with an IPV6_TCLASS control message (class 40); the receiver asks for
// IPV6_RECVPKTINFO and IPV6_RECVTCLASS and gets both messages. Both
// sockets bind ::1 port 0 (not '::' and fixed ports); the sender's port is
// compared with the one it bound, the interface index printed only as "> 0".
require __DIR__ . '/_dump.php';

$send = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
show('bind sender', socket_bind($send, '::1', 0));
socket_getsockname($send, $a, $sport);
show('nonblock', socket_set_nonblock($send));
$s = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
show('bind receiver', socket_bind($s, '::1', 0));
socket_getsockname($s, $a, $rport);
show('RECVPKTINFO', socket_set_option($s, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1));
show('RECVTCLASS', socket_set_option($s, IPPROTO_IPV6, IPV6_RECVTCLASS, 1));
show('sendmsg', socket_sendmsg($send, [
    'name' => ['addr' => '::1', 'port' => $rport],
    'iov' => ["test ", "thing", "\n"],
    'control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_TCLASS, 'data' => 40]],
], 0));
$data = [
    'name' => ['family' => AF_INET6, 'addr' => '::1'],
    'buffer_size' => 2000,
    'controllen' => socket_cmsg_space(IPPROTO_IPV6, IPV6_PKTINFO)
        + socket_cmsg_space(IPPROTO_IPV6, IPV6_TCLASS),
];
show('recvmsg', socket_recvmsg($s, $data, 0));
show('keys', array_keys($data));
show('name family', $data['name']['family'] === AF_INET6);
show('name addr', $data['name']['addr']);
show('name port is the sender port', $data['name']['port'] === $sport);
show('name flowinfo', $data['name']['flowinfo']);
show('name scope_id', $data['name']['scope_id']);
show('control count', count($data['control']));
$c = $data['control'][0];
show('0 level', $c['level'] === IPPROTO_IPV6);
show('0 type', $c['type'] === IPV6_PKTINFO);
show('0 data addr', $c['data']['addr']);
show('0 data ifindex > 0', $c['data']['ifindex'] > 0);
$c = $data['control'][1];
show('1 level', $c['level'] === IPPROTO_IPV6);
show('1 type', $c['type'] === IPV6_TCLASS);
show('1 data', $c['data']);
show('iov', $data['iov']);
show('flags', $data['flags']);
