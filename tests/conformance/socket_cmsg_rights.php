<?php
// Port of php-src ext/sockets/tests/socket_cmsg_rights.phpt with stream
// resources only: the original also sends a Socket object, which PHP 8.0-8.4
// get wrong (php-src PR #22338; msg_rights covers Sockets, by hand). Here
// one end of a stream pair and two more streams go over SCM_RIGHTS in a
// datagram to a socket in a fresh temporary directory; the received
// descriptors (Socket objects, since they are sockets) still reach the
// peers of the streams sent.
require __DIR__ . '/_dump.php';

$dir = make_temp_dir();
$path = "$dir/unix_sock";
$send = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('nonblock', socket_set_nonblock($send));
$s = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('bind', socket_bind($s, $path));
show('nonblock', socket_set_nonblock($s));
$p1 = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$p2 = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$p3 = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_DGRAM, 0);
show('sendmsg', socket_sendmsg($send, [
    'name' => ['path' => $path],
    'iov' => ["test ", "thing", "\n"],
    'control' => [['level' => SOL_SOCKET, 'type' => SCM_RIGHTS, 'data' => [$p1[0], $p2[0], $p3[0]]]],
], 0));
$data = [
    'name' => [],
    'buffer_size' => 2000,
    'controllen' => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 3),
];
show('recvmsg', socket_recvmsg($s, $data, 0));
show('iov', $data['iov']);
show('control count', count($data['control']));
$c = $data['control'][0];
show('level', $c['level'] === SOL_SOCKET);
show('type', $c['type'] === SCM_RIGHTS);
show('received', count($c['data']));
foreach ($c['data'] as $i => $got) {
    show("$i is a Socket", $got instanceof Socket);
}
show('write 0', socket_write($c['data'][0], 'one'));
show('peer 0 reads', fread($p1[1], 10));
show('write 1', socket_write($c['data'][1], 'two'));
show('peer 1 reads', fread($p2[1], 10));
show('type 2 is SOCK_DGRAM', socket_get_option($c['data'][2], SOL_SOCKET, SO_TYPE) === SOCK_DGRAM);
socket_close($s);
remove_temp_dir($dir);
