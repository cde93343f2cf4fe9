<?php
// Port of php-src ext/sockets/tests/socket_recvmsg.phpt: an IPv6 datagram
// on ::1 received with socket_recvmsg and IPV6_RECVPKTINFO. Both sockets
// bind ::1 port 0 (not '::' and fixed ports); the sender's port is compared
// with the one it bound, the interface index printed only as "> 0".
require __DIR__ . '/_dump.php';

$send = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
show('bind sender', socket_bind($send, '::1', 0));
socket_getsockname($send, $a, $sport);
show('nonblock', socket_set_nonblock($send));
$s = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
show('bind receiver', socket_bind($s, '::1', 0));
socket_getsockname($s, $a, $rport);
show('RECVPKTINFO', socket_set_option($s, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1));
$m = 'testing packet';
show('sendto', socket_sendto($send, $m, strlen($m), 0, '::1', $rport));
$data = [
    'name' => ['family' => AF_INET6, 'addr' => '::1'],
    'buffer_size' => 2000,
    'controllen' => socket_cmsg_space(IPPROTO_IPV6, IPV6_PKTINFO),
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
show('level', $c['level'] === IPPROTO_IPV6);
show('type', $c['type'] === IPV6_PKTINFO);
show('data addr', $c['data']['addr']);
show('data ifindex > 0', $c['data']['ifindex'] > 0);
show('iov', $data['iov']);
show('flags', $data['flags']);
