<?php
// SCM_CREDENTIALS over AF_UNIX: the kernel attaches the sender's
// credentials when the receiver has SO_PASSCRED; socket_sendmsg can attach
// them explicitly. Port of php-src's socket_cmsg_credentials.phpt.
require __DIR__ . '/_dump.php';

$dir = make_temp_dir();
$path = "$dir/unix_sock";
$sends1 = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('socket_set_nonblock', socket_set_nonblock($sends1));
$s = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('bind', socket_bind($s, $path));
show('SO_PASSCRED', socket_set_option($s, SOL_SOCKET, SO_PASSCRED, 1));

$mine = null;

/** Shows the credentials received; the first ones (from the kernel) are ours. */
function credentials_of(array $data): void
{
    global $mine;
    foreach ($data['control'] as $i => $c) {
        $d = $c['data'];
        $mine ??= $d;
        show("  control $i", [$c['level'] === SOL_SOCKET, $c['type'] === SCM_CREDENTIALS]);
        show('  keys', array_keys($d));
        show('  pid is ours', $d['pid'] === getmypid());
        show('  uid and gid are ints', is_int($d['uid']) && is_int($d['gid']));
        show('  same as the kernel reported first', $d === $mine);
    }
}

section('implicit credentials (the php-src test)');
show('sendto', socket_sendto($sends1, $msg = 'dread', strlen($msg), 0, $path));
$data = ['name' => [], 'buffer_size' => 2000, 'controllen' => socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS)];
show('recvmsg', socket_recvmsg($s, $data, 0));
show('  name', $data['name']);
show('  iov', $data['iov']);
show('  flags', $data['flags']);
show('  control count', count($data['control']));
credentials_of($data);

section('explicit credentials');
show('sendmsg', socket_sendmsg($sends1, [
    'name' => ['path' => $path],
    'iov' => ['explicit'],
    'control' => [['level' => SOL_SOCKET, 'type' => SCM_CREDENTIALS, 'data' => $mine]],
]));
$data = ['controllen' => socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS)];
show('recvmsg', socket_recvmsg($s, $data, 0));
show('  iov', $data['iov']);
credentials_of($data);
show('sendmsg with numeric strings', socket_sendmsg($sends1, [
    'name' => ['path' => $path],
    'iov' => ['strings'],
    'control' => [['level' => SOL_SOCKET, 'type' => SCM_CREDENTIALS, 'data' => array_map('strval', $mine)]],
]));
$data = ['controllen' => 100];
show('recvmsg', socket_recvmsg($s, $data, 0));
credentials_of($data);

section('no SO_PASSCRED: no credentials');
show('SO_PASSCRED off', socket_set_option($s, SOL_SOCKET, SO_PASSCRED, 0));
socket_sendto($sends1, 'plain', 5, 0, $path);
$data = ['controllen' => 100];
show('recvmsg', socket_recvmsg($s, $data, 0));
show('  control', $data['control']);
show('  iov', $data['iov']);

section('stream socket pair');
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
socket_set_option($pair[1], SOL_SOCKET, SO_PASSCRED, 1);
show('write', socket_write($pair[0], 'over a stream'));
$data = ['controllen' => socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS), 'name' => []];
show('recvmsg', socket_recvmsg($pair[1], $data));
show('  name', $data['name']);
show('  iov', $data['iov']);
credentials_of($data);

socket_close($pair[0]);
socket_close($pair[1]);
socket_close($sends1);
socket_close($s);
remove_temp_dir($dir);
