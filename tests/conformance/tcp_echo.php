<?php
// TCP over IPv4 loopback: listen/connect/accept, an echo round trip of all 256
// byte values, a larger transfer, socket_write/socket_send length handling, shutdown.
require __DIR__ . '/_dump.php';

function read_exactly(Socket $s, int $n): string
{
    $got = '';
    while (strlen($got) < $n) {
        $chunk = socket_read($s, $n - strlen($got));
        if ($chunk === false || $chunk === '') {
            break;
        }
        $got .= $chunk;
    }
    return $got;
}

section('setup');
$srv = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
show('bind', socket_bind($srv, '127.0.0.1', 0));
show('listen', socket_listen($srv, 5));
$addr = null;
$port = null;
show('getsockname', socket_getsockname($srv, $addr, $port));
show('address', $addr);
show('port > 0', $port > 0);
$cli = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
show('connect', socket_connect($cli, '127.0.0.1', $port));
$conn = socket_accept($srv);
show('accept', $conn);
show('socket_last_error()', socket_last_error());

section('all 256 byte values, echoed back reversed');
$data = all_bytes();
show('client write', socket_write($cli, $data));
$got = read_exactly($conn, 256);
show('server got', checksum($got));
show('first 8', substr($got, 0, 8));
show('last 8', substr($got, -8));
show('identical', $got === $data);
show('server write', socket_write($conn, strrev($got)));
$back = read_exactly($cli, 256);
show('client got', checksum($back));
show('is reversed', $back === strrev($data));

section('larger transfer in chunks');
$big = '';
for ($i = 0; $i < 200000; $i++) {
    $big .= chr(($i * 7 + ($i >> 8)) & 0xff);
}
$sent = 0;
$recvd = '';
while ($sent < strlen($big)) {
    $n = socket_write($cli, substr($big, $sent, 8192));
    if ($n === false) {
        break;
    }
    $sent += $n;
    $chunk = null;
    if (socket_recv($conn, $chunk, 65536, MSG_DONTWAIT) > 0) {
        $recvd .= $chunk;
    }
}
while (strlen($recvd) < strlen($big)) {
    $chunk = socket_read($conn, 65536);
    if ($chunk === false || $chunk === '') {
        break;
    }
    $recvd .= $chunk;
}
show('sent', $sent);
show('received', checksum($recvd));
show('identical', $recvd === $big);
socket_clear_error($conn);
socket_clear_error();

section('socket_write length');
show('length 100 > strlen 5', socket_write($cli, 'hello', 100));
show('read', socket_read($conn, 100));
show('length 2', socket_write($cli, 'hello', 2));
show('read', socket_read($conn, 100));
show('length null', socket_write($cli, 'abc', null));
show('read', socket_read($conn, 100));
show('length 0', socket_write($cli, 'hello', 0));
show('empty string', socket_write($cli, ''));
attempt('length -1', fn() => socket_write($cli, 'hello', -1));
attempt('length -100', fn() => socket_write($cli, '', -100));
show('NUL bytes', socket_write($cli, "\0\0\0"));
show('read', socket_read($conn, 100));

section('socket_send length');
show('send 3 of 6', socket_send($cli, 'abcdef', 3, 0));
show('send 10 of 3', socket_send($cli, 'xyz', 10, 0));
show('send 0', socket_send($cli, 'xyz', 0, 0));
attempt('send -1', fn() => socket_send($cli, 'xyz', -1, 0));
$buf = null;
show('recv MSG_WAITALL', socket_recv($conn, $buf, 6, MSG_WAITALL));
show('data', $buf);

section('socket_read sizes');
socket_write($cli, '0123456789');
show('read 4', socket_read($conn, 4));
show('read 4', socket_read($conn, 4));
show('read 100', socket_read($conn, 100));

section('shutdown');
show('client shutdown write', socket_shutdown($cli, 1));
show('server read at EOF', socket_read($conn, 100));
show('server read at EOF again', socket_read($conn, 100));
show('server write after client shutdown', socket_write($conn, 'bye'));
show('client read', socket_read($cli, 100));
show('server shutdown both (default)', socket_shutdown($conn));
show('client read at EOF', socket_read($cli, 100));
show('socket_last_error()', socket_last_error());
show('socket_last_error($conn)', socket_last_error($conn));

socket_close($conn);
socket_close($cli);
socket_close($srv);
