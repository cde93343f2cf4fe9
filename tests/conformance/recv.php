<?php
// socket_recv / socket_send: what happens to &$data (untouched for length <= 0,
// null on EOF and on failure), flags, truncation, errors.
require __DIR__ . '/_dump.php';

$srv = socket_create(AF_INET, SOCK_STREAM, 0);
socket_bind($srv, '127.0.0.1', 0);
socket_listen($srv);
socket_getsockname($srv, $addr, $port);
$c = socket_create(AF_INET, SOCK_STREAM, 0);
socket_connect($c, '127.0.0.1', $port);
$a = socket_accept($srv);

section('length <= 0 leaves $data alone');
$data = 'keep';
show('length 0', socket_recv($a, $data, 0, 0));
show('data', $data);
show('length -1', socket_recv($a, $data, -1, 0));
show('data', $data);
show('socket_last_error($a)', socket_last_error($a));

section('plain recv');
show('send', socket_send($c, "hello\0world", 11, 0));
show('recv', socket_recv($a, $data, 100, 0));
show('data', $data);
$data = 123;
show('send', socket_send($c, '0123456789', 10, 0));
show('recv 4', socket_recv($a, $data, 4, 0));
show('data', $data);
show('recv 100', socket_recv($a, $data, 100, 0));
show('data', $data);

section('MSG_PEEK');
socket_send($c, 'peek', 4, 0);
show('peek', socket_recv($a, $data, 100, MSG_PEEK));
show('data', $data);
show('peek 2', socket_recv($a, $data, 2, MSG_PEEK));
show('data', $data);
show('recv', socket_recv($a, $data, 100, 0));
show('data', $data);

section('MSG_WAITALL');
socket_send($c, 'abc', 3, 0);
socket_send($c, 'def', 3, 0);
socket_send($c, 'ghi', 3, 0);
show('recv 7 waitall', socket_recv($a, $data, 7, MSG_WAITALL));
show('data', $data);
show('recv 2 waitall', socket_recv($a, $data, 2, MSG_WAITALL));
show('data', $data);

section('MSG_DONTWAIT with nothing to read');
$data = 'keep';
show('recv', socket_recv($a, $data, 100, MSG_DONTWAIT));
show('data', $data);
show('socket_last_error($a)', socket_last_error($a));
show('socket_last_error()', socket_last_error());
socket_clear_error($a);
socket_clear_error();

section('all byte values');
socket_send($c, all_bytes(), 256, 0);
show('recv waitall', socket_recv($a, $data, 256, MSG_WAITALL));
show('data', checksum($data));
show('identical', $data === all_bytes());

section('EOF sets $data to null');
socket_send($c, 'tail', 4, 0);
socket_shutdown($c, 1);
show('recv', socket_recv($a, $data, 100, 0));
show('data', $data);
$data = 'keep';
show('recv at EOF', socket_recv($a, $data, 100, 0));
show('data', $data);
$data = 'keep';
show('recv at EOF again', socket_recv($a, $data, 100, MSG_DONTWAIT));
show('data', $data);
show('socket_last_error($a)', socket_last_error($a));

section('failures set $data to null');
$t = socket_create(AF_INET, SOCK_STREAM, 0);
$data = 'keep';
show('recv on unconnected TCP', socket_recv($t, $data, 100, 0));
show('data', $data);
show('socket_last_error($t)', socket_last_error($t));
show('socket_last_error()', socket_last_error());
$data = 'keep';
show('recv on listening socket', socket_recv($srv, $data, 100, 0));
show('data', $data);
show('send on unconnected TCP', socket_send($t, 'x', 1, 0));
show('socket_last_error($t)', socket_last_error($t));
$u = socket_create(AF_INET, SOCK_DGRAM, 0);
show('send on unconnected UDP', socket_send($u, 'x', 1, 0));
show('socket_last_error($u)', socket_last_error($u));
attempt('send length -1', fn() => socket_send($u, 'x', -1, 0));
show('socket_last_error($u) unchanged by ValueError', socket_last_error($u));
socket_close($u);
socket_close($t);

section('recv after the peer closed');
socket_close($c);
$data = 'keep';
show('recv', socket_recv($a, $data, 100, 0));
show('data', $data);

socket_close($a);
socket_close($srv);
