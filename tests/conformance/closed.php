<?php
// Every function taking a Socket throws Error once the socket is closed, and
// the order of that check relative to the other argument checks.
require __DIR__ . '/_dump.php';

$s = socket_create(AF_INET, SOCK_STREAM, 0);
run('socket_close', fn() => socket_close($s));

section('closed socket');
$addr = 'untouched';
$port = 'untouched';
$data = 'untouched';
attempt('socket_accept', fn() => socket_accept($s));
attempt('socket_set_nonblock', fn() => socket_set_nonblock($s));
attempt('socket_set_block', fn() => socket_set_block($s));
attempt('socket_listen', fn() => socket_listen($s));
attempt('socket_listen backlog', fn() => socket_listen($s, 5));
run('socket_close again', fn() => socket_close($s));
attempt('socket_write', fn() => socket_write($s, 'x'));
attempt('socket_write length', fn() => socket_write($s, 'x', 1));
attempt('socket_read', fn() => socket_read($s, 10));
attempt('socket_read normal', fn() => socket_read($s, 10, PHP_NORMAL_READ));
attempt('socket_getsockname', function () use ($s, &$addr) {
    return socket_getsockname($s, $addr);
});
attempt('socket_getsockname port', function () use ($s, &$addr, &$port) {
    return socket_getsockname($s, $addr, $port);
});
attempt('socket_getpeername', function () use ($s, &$addr, &$port) {
    return socket_getpeername($s, $addr, $port);
});
show('address', $addr);
show('port', $port);
attempt('socket_connect', fn() => socket_connect($s, '127.0.0.1', 9));
attempt('socket_bind', fn() => socket_bind($s, '127.0.0.1', 0));
attempt('socket_bind no port', fn() => socket_bind($s, '127.0.0.1'));
attempt('socket_recv', function () use ($s, &$data) {
    return socket_recv($s, $data, 10, 0);
});
attempt('socket_send', fn() => socket_send($s, 'x', 1, 0));
attempt('socket_recvfrom', function () use ($s, &$data, &$addr, &$port) {
    return socket_recvfrom($s, $data, 10, 0, $addr, $port);
});
attempt('socket_sendto', fn() => socket_sendto($s, 'x', 1, 0, '127.0.0.1', 9));
show('data', $data);
show('address', $addr);
show('port', $port);
attempt('socket_shutdown', fn() => socket_shutdown($s));
attempt('socket_shutdown mode 0', fn() => socket_shutdown($s, 0));
attempt('socket_last_error', fn() => socket_last_error($s));
run('socket_clear_error', fn() => socket_clear_error($s));
show('socket_last_error()', socket_last_error());

section('closed check versus other argument checks');
attempt('socket_write closed, length -1', fn() => socket_write($s, 'x', -1));
attempt('socket_send closed, length -1', fn() => socket_send($s, 'x', -1, 0));
attempt('socket_sendto closed, length -1', fn() => socket_sendto($s, 'x', -1, 0, '127.0.0.1', 9));
attempt('socket_read closed, length 0', fn() => socket_read($s, 0));
attempt('socket_recv closed, length 0', function () use ($s, &$data) {
    return socket_recv($s, $data, 0, 0);
});
attempt('socket_connect closed, port null', fn() => socket_connect($s, '127.0.0.1'));
attempt('socket_sendto closed, port null', fn() => socket_sendto($s, 'x', 1, 0, '127.0.0.1'));
attempt('socket_bind closed, path too long', fn() => socket_bind($s, str_repeat('a', 200)));

section('closed AF_UNIX socket');
$u = socket_create(AF_UNIX, SOCK_STREAM, 0);
socket_close($u);
attempt('socket_connect', fn() => socket_connect($u, str_repeat('a', 200)));
attempt('socket_bind', fn() => socket_bind($u, '/nonexistent/x'));
attempt('socket_recvfrom no port', function () use ($u, &$data, &$addr) {
    return socket_recvfrom($u, $data, 10, 0, $addr);
});

section('closed pair member');
$pair = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
socket_close($pair[0]);
attempt('write to the closed one', fn() => socket_write($pair[0], 'x'));
attempt('read the open one', fn() => socket_read($pair[1], 10));
socket_close($pair[1]);
