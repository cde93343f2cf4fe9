<?php
// socket_recvmsg: argument checks, PHP's conversion of the input array
// (name, buffer_size, controllen), the failure paths, and exactly what it
// writes back (name per family, control, iov, flags with MSG_TRUNC and
// MSG_CTRUNC). Ports parts of php-src's socket_recvmsg.phpt and
// socket_sendrecvmsg_error.phpt.
require __DIR__ . '/_dump.php';

$r = socket_create(AF_INET, SOCK_DGRAM, 0);
socket_bind($r, '127.0.0.1', 0);
socket_getsockname($r, $raddr, $rport);
$s = socket_create(AF_INET, SOCK_DGRAM, 0);
socket_bind($s, '127.0.0.1', 0);
socket_getsockname($s, $saddr, $sport);

/** The message with the sender's port (which varies) replaced by a marker. */
function tidy(mixed $m, int $port): mixed
{
    if (is_array($m) && is_array($m['name'] ?? null) && ($m['name']['port'] ?? null) === $port) {
        $m['name']['port'] = 'sender port';
    }
    return $m;
}

function recv_case(string $label, $socket, array $m, int $flags, int $port): void
{
    $r = socket_recvmsg($socket, $m, $flags);
    show($label, $r);
    show('  message', tidy($m, $port));
}

section('arguments');
$m = ['controllen' => 1];
attempt('flags 2**31', function () use ($r, &$m) { return socket_recvmsg($r, $m, 2147483648); });
$x = 'str';
attempt('message string', function () use ($r, &$x) { return socket_recvmsg($r, $x); });
attempt('socket string', function () use (&$m) { return socket_recvmsg('x', $m); });

section('conversion errors leave the message untouched');
foreach ([
    'no controllen' => ['buffer_size' => 10],
    'controllen 0' => ['controllen' => 0],
    'controllen -1' => ['controllen' => -1],
    'controllen 2**32' => ['controllen' => 4294967296],
    'controllen "x"' => ['controllen' => 'x'],
    'controllen null' => ['controllen' => null],
    'buffer_size -1' => ['controllen' => 1, 'buffer_size' => -1],
    'buffer_size 104857601' => ['controllen' => 1, 'buffer_size' => 104857601],
    'buffer_size "big"' => ['controllen' => 1, 'buffer_size' => 'big'],
    'buffer_size before controllen' => ['controllen' => 0, 'buffer_size' => -1],
    'name int' => ['controllen' => 1, 'name' => 1],
    'name AF_UNIX on AF_INET' => ['controllen' => 1, 'name' => ['family' => AF_UNIX]],
    'name AF_INET6 on AF_INET' => ['controllen' => 1, 'name' => ['family' => AF_INET6]],
    'name family 99' => ['controllen' => 1, 'name' => ['family' => 99]],
    'name family "x"' => ['controllen' => 1, 'name' => ['family' => 'x']],
] as $label => $m) {
    $before = $m;
    show($label, socket_recvmsg($r, $m));
    show('  untouched', $m === $before);
}

section('recvmsg fails: always warns, global error only');
$m = ['controllen' => 1, 'name' => ['addr' => 'ignored']];
show('nothing to read', socket_recvmsg($r, $m, MSG_DONTWAIT));
show('  message', $m);
show('  socket_last_error()', socket_last_error());
show('  socket_last_error($r)', socket_last_error($r));
socket_clear_error();

section('UDP over IPv4');
socket_sendto($s, 'hello', 5, 0, '127.0.0.1', $rport);
recv_case('name requested', $r, ['name' => [], 'controllen' => 1, 'extra' => 1], 0, $sport);
socket_sendto($s, 'hello', 5, 0, '127.0.0.1', $rport);
recv_case('no name key', $r, ['controllen' => 100], 0, $sport);
socket_sendto($s, 'hello', 5, 0, '127.0.0.1', $rport);
recv_case('name family AF_INET, contents ignored', $r, ['name' => ['family' => AF_INET, 'addr' => '1.2.3.4', 'port' => 'x'], 'controllen' => 1], 0, $sport);
socket_sendto($s, 'hello', 5, 0, '127.0.0.1', $rport);
recv_case('buffer_size 3: MSG_TRUNC', $r, ['controllen' => 1, 'buffer_size' => 3], 0, $sport);
socket_sendto($s, 'hello', 5, 0, '127.0.0.1', $rport);
recv_case('buffer_size 0', $r, ['controllen' => 1, 'buffer_size' => 0], 0, $sport);
socket_sendto($s, 'hello', 5, 0, '127.0.0.1', $rport);
recv_case('flag MSG_TRUNC, buffer_size 2', $r, ['controllen' => 1, 'buffer_size' => 2], MSG_TRUNC, $sport);
socket_sendto($s, 'hello', 5, 0, '127.0.0.1', $rport);
recv_case('MSG_PEEK', $r, ['controllen' => 1, 'buffer_size' => "4"], MSG_PEEK, $sport);
recv_case('after peek', $r, ['controllen' => 1, 'buffer_size' => 4.7], 0, $sport);
socket_sendto($s, '', 0, 0, '127.0.0.1', $rport);
recv_case('empty datagram', $r, ['controllen' => 1, 'name' => []], 0, $sport);
socket_sendto($s, all_bytes(), 256, 0, '127.0.0.1', $rport);
$m = ['controllen' => 1];
show('all bytes', socket_recvmsg($r, $m));
show('  iov', $m['iov'] === [all_bytes()]);
socket_close($s);

section('UDP over IPv6');
$r6 = socket_create(AF_INET6, SOCK_DGRAM, 0);
socket_bind($r6, '::1', 0);
socket_getsockname($r6, $a6, $p6);
$s6 = socket_create(AF_INET6, SOCK_DGRAM, 0);
socket_bind($s6, '::1', 0);
socket_getsockname($s6, $a6, $sp6);
socket_sendto($s6, 'six', 3, 0, '::1', $p6);
recv_case('name requested', $r6, ['name' => [], 'controllen' => 1], 0, $sp6);
// (A name with family AF_INET on an AF_INET6 socket gets a truncated IPv6
// address that PHP completes with memory past its buffer: not compared.)
socket_close($s6);
socket_close($r6);

section('AF_UNIX');
$dir = make_temp_dir();
$u = socket_create(AF_UNIX, SOCK_DGRAM, 0);
socket_bind($u, "$dir/u.sock");
$named = socket_create(AF_UNIX, SOCK_DGRAM, 0);
socket_bind($named, "$dir/named.sock");
socket_sendto($named, 'from a path', 11, 0, "$dir/u.sock");
$m = ['name' => [], 'controllen' => 1];
show('from a path', socket_recvmsg($u, $m));
$m['name']['path'] = rel($m['name']['path'], $dir);
show('  message', $m);
$abstract = socket_create(AF_UNIX, SOCK_DGRAM, 0);
socket_bind($abstract, "\0php-sockets-recvmsg-" . bin2hex(random_bytes(4)));
socket_sendto($abstract, 'from an abstract name', 21, 0, "$dir/u.sock");
recv_case('from an abstract name', $u, ['name' => [], 'controllen' => 1], 0, 0);
$anon = socket_create(AF_UNIX, SOCK_DGRAM, 0);
socket_sendto($anon, 'from an unbound socket', 22, 0, "$dir/u.sock");
recv_case('from an unbound socket', $u, ['name' => [], 'controllen' => 1], 0, 0);
recv_case('name family AF_INET on AF_UNIX', $u, ['name' => ['family' => AF_INET], 'controllen' => 1], 0, 0);
foreach ([$u, $named, $abstract, $anon] as $x) {
    socket_close($x);
}
remove_temp_dir($dir);
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
socket_write($pair[0], 'stream data');
recv_case('stream pair, name requested', $pair[1], ['name' => [], 'controllen' => 1, 'buffer_size' => 6], 0, 0);
recv_case('stream pair, the rest', $pair[1], ['controllen' => 1], 0, 0);
socket_shutdown($pair[0], 1);
recv_case('stream pair, end of file', $pair[1], ['controllen' => 1], 0, 0);
socket_close($pair[0]);
socket_close($pair[1]);

section('control data that does not fit: MSG_CTRUNC');
socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, $pair);
socket_set_option($pair[1], SOL_SOCKET, SO_PASSCRED, 1);
socket_send($pair[0], 'x', 1, 0);
recv_case('controllen 10: no room for a header', $pair[1], ['controllen' => 10], 0, 0);
socket_send($pair[0], 'y', 1, 0);
$m = ['controllen' => 20];
show('controllen 20: a cut credentials message', socket_recvmsg($pair[1], $m));
show('  message is false (PHP) or empty', $m === false);
socket_close($pair[0]);
socket_close($pair[1]);

socket_close($r);
$m = ['controllen' => 1];
attempt('closed', function () use ($r, &$m) { return socket_recvmsg($r, $m); });
