<?php
// Port of php-src ext/sockets/tests/socket_cmsg_credentials.phpt: with
// SO_PASSCRED on the receiver, a plain socket_sendto() datagram arrives with
// the sender's SCM_CREDENTIALS. The socket lives in a fresh temporary
// directory; pid/uid/gid are compared, never printed (uid and gid with the
// owner of the directory just made: Deno would need --allow-sys for the
// process's own). msg_credentials covers sending credentials explicitly.
require __DIR__ . '/_dump.php';

$dir = make_temp_dir();
$path = "$dir/unix_sock";
$send = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('nonblock', socket_set_nonblock($send));
$s = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('bind', socket_bind($s, $path));
show('SO_PASSCRED', socket_set_option($s, SOL_SOCKET, SO_PASSCRED, 1));
$msg = 'dread';
show('sendto', socket_sendto($send, $msg, strlen($msg), 0, $path));
$data = [
    'name' => [],
    'buffer_size' => 2000,
    'controllen' => socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS),
];
show('recvmsg', socket_recvmsg($s, $data, 0));
show('keys', array_keys($data));
show('name', $data['name']);
show('control count', count($data['control']));
$c = $data['control'][0];
show('level', $c['level'] === SOL_SOCKET);
show('type', $c['type'] === SCM_CREDENTIALS);
show('data keys', array_keys($c['data']));
show('pid is ours', $c['data']['pid'] === getmypid());
show('uid is ours', $c['data']['uid'] === fileowner($dir));
show('gid is ours', $c['data']['gid'] === filegroup($dir));
show('iov', $data['iov']);
show('flags', $data['flags']);
socket_close($s);
remove_temp_dir($dir);
