<?php
// Non-blocking mode: EAGAIN / EINPROGRESS give false without a warning and
// store the code; accept's code goes to the global only. (PHP_NORMAL_READ on
// a nonblocking socket is deliberately not covered, see API-CONTRACT.)
require __DIR__ . '/_dump.php';

function codes(string $label, ?Socket $s): void
{
    echo "$label: socket ", $s === null ? '-' : socket_last_error($s), ', global ', socket_last_error(), "\n";
}

section('constants');
show('SOCKET_EAGAIN', SOCKET_EAGAIN);
show('SOCKET_EWOULDBLOCK', SOCKET_EWOULDBLOCK);
show('SOCKET_EINPROGRESS', SOCKET_EINPROGRESS);
show('SOCKET_ECONNREFUSED', SOCKET_ECONNREFUSED);
show('SOCKET_EADDRINUSE', SOCKET_EADDRINUSE);

section('accept with nothing pending');
$srv = socket_create(AF_INET, SOCK_STREAM, 0);
socket_bind($srv, '127.0.0.1', 0);
socket_listen($srv, 5);
socket_getsockname($srv, $addr, $port);
show('socket_set_nonblock', socket_set_nonblock($srv));
show('accept', socket_accept($srv));
codes('codes', $srv);
socket_clear_error();

section('connect in progress');
$c = socket_create(AF_INET, SOCK_STREAM, 0);
socket_set_nonblock($c);
show('connect', socket_connect($c, '127.0.0.1', $port));
codes('codes', $c);
$conn = false;
for ($i = 0; $i < 1000 && $conn === false; $i++) {
    $conn = socket_accept($srv);
    if ($conn === false) {
        usleep(1000);
    }
}
show('accept once the client connected', $conn);
show('socket_last_error($conn)', socket_last_error($conn));
socket_set_block($c);
show('client write', socket_write($c, 'hello'));
show('server read', socket_read($conn, 100));
socket_clear_error($c);
socket_clear_error();

section('read / recv with no data');
socket_set_nonblock($conn);
show('socket_read', socket_read($conn, 100));
codes('codes', $conn);
socket_clear_error($conn);
socket_clear_error();
$data = 'keep';
show('socket_recv', socket_recv($conn, $data, 100, 0));
show('data', $data);
codes('codes', $conn);
socket_clear_error($conn);
socket_clear_error();
$data = 'keep';
show('socket_recv MSG_DONTWAIT on a blocking socket', socket_recv($c, $data, 100, MSG_DONTWAIT));
show('data', $data);
codes('codes', $c);

section('data then no data');
socket_write($c, 'abc');
show('socket_read', socket_read($conn, 100));
show('socket_read again', socket_read($conn, 100));
codes('codes', $conn);
show('a success does not reset the code', socket_write($conn, 'x'));
codes('codes', $conn);
show('client read', socket_read($c, 100));

section('write until the buffer is full');
$total = 0;
$chunk = str_repeat('z', 65536);
while (true) {
    $n = socket_write($conn, $chunk);
    if ($n === false) {
        break;
    }
    $total += $n;
}
show('last write', $n);
show('wrote something', $total > 0);
codes('codes', $conn);
$got = 0;
socket_set_nonblock($c);
while ($got < $total) {
    $r = socket_read($c, 1 << 20);
    if ($r === false) {
        usleep(1000);
        continue;
    }
    $got += strlen($r);
}
show('client read it all', $got === $total);
socket_close($conn);
socket_close($c);
socket_clear_error();

section('UDP');
$u = socket_create(AF_INET6, SOCK_DGRAM, 0);
socket_bind($u, '::1', 0);
socket_set_nonblock($u);
$data = $addr = $port = 'keep';
show('recvfrom', socket_recvfrom($u, $data, 100, 0, $addr, $port));
show('values', [$data, $addr, $port]);
codes('codes', $u);
socket_close($u);
socket_clear_error();

section('AF_UNIX connect to a full backlog');
$dir = make_temp_dir();
$l = socket_create(AF_UNIX, SOCK_STREAM, 0);
socket_bind($l, "$dir/l.sock");
socket_listen($l, 0);
$clients = [];
$result = true;
for ($i = 0; $i < 10 && $result === true; $i++) {
    $k = socket_create(AF_UNIX, SOCK_STREAM, 0);
    socket_set_nonblock($k);
    $result = socket_connect($k, "$dir/l.sock");
    $clients[] = $k;
}
show('first refused connect', $result);
codes('codes', end($clients));
foreach ($clients as $k) {
    socket_close($k);
}
socket_close($l);
remove_temp_dir($dir);
socket_close($srv);
