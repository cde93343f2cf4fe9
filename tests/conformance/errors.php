<?php
// Failing system calls: warnings with PHP's texts, false, per-socket and
// global error codes; argument errors that throw instead.
require __DIR__ . '/_dump.php';

function codes(string $label, ?Socket $s): void
{
    echo "$label: socket ", $s === null ? '-' : socket_last_error($s), ', global ', socket_last_error(), "\n";
}

section('bind: address in use');
$a = socket_create(AF_INET, SOCK_STREAM, 0);
show('bind first', socket_bind($a, '127.0.0.1', 0));
socket_getsockname($a, $addr, $port);
$b = socket_create(AF_INET, SOCK_STREAM, 0);
show('bind second to the same port', socket_bind($b, '127.0.0.1', $port));
codes('codes', $b);
codes('first socket untouched', $a);

section('connect: refused (bound, not listening)');
$c = socket_create(AF_INET, SOCK_STREAM, 0);
show('connect', socket_connect($c, '127.0.0.1', $port));
codes('codes', $c);
show('a later success does not reset', socket_bind($c, '127.0.0.1', 0));
codes('codes', $c);
socket_clear_error($c);
codes('after socket_clear_error($c)', $c);
socket_clear_error();
codes('after socket_clear_error()', $c);
socket_close($c);
socket_close($b);
socket_close($a);

section('connect/sendto port cannot be null; bind port defaults to 0');
$s4 = socket_create(AF_INET, SOCK_STREAM, 0);
$s6 = socket_create(AF_INET6, SOCK_STREAM, 0);
attempt('connect AF_INET without port', fn() => socket_connect($s4, '127.0.0.1'));
attempt('connect AF_INET port null', fn() => socket_connect($s4, '127.0.0.1', null));
attempt('connect AF_INET6 without port', fn() => socket_connect($s6, '::1'));
show('bind AF_INET without port', socket_bind($s4, '127.0.0.1'));
show('bind AF_INET6 without port', socket_bind($s6, '::1'));
socket_getsockname($s4, $addr, $port);
show('AF_INET port > 0', $port > 0);
socket_getsockname($s6, $addr, $port);
show('AF_INET6 port > 0', $port > 0);
show('bind again', socket_bind($s4, '127.0.0.1', 0));
codes('codes', $s4);
socket_close($s4);
socket_close($s6);
socket_clear_error();

section('AF_UNIX path length');
$dir = make_temp_dir();
$u = socket_create(AF_UNIX, SOCK_STREAM, 0);
attempt('bind 108 bytes', fn() => socket_bind($u, str_repeat('a', 108)));
attempt('bind 200 bytes', fn() => socket_bind($u, str_repeat('a', 200)));
attempt('connect 108 bytes', fn() => socket_connect($u, str_repeat('a', 108)));
attempt('connect 108 bytes with port', fn() => socket_connect($u, str_repeat('a', 108), 1));
$p107 = $dir . '/' . str_repeat('x', 107 - strlen($dir) - 1);
show('bind 107 bytes', socket_bind($u, $p107));
$addr = null;
socket_getsockname($u, $addr);
show('getsockname length', strlen($addr));
show('same path', $addr === $p107);
codes('codes', $u);
socket_close($u);
$u = socket_create(AF_UNIX, SOCK_STREAM, 0);
show('connect to a missing path', socket_connect($u, "$dir/missing.sock"));
codes('codes', $u);
show('bind in a missing directory', socket_bind($u, "$dir/no/such.sock"));
codes('codes', $u);
show('bind to an existing path', socket_bind($u, $p107));
codes('codes', $u);
show('listen unbound AF_UNIX stream', socket_listen(socket_create(AF_UNIX, SOCK_STREAM, 0)));
codes('codes', null);
socket_close($u);
remove_temp_dir($dir);
socket_clear_error();

section('listen / accept');
$udp = socket_create(AF_INET, SOCK_DGRAM, 0);
show('listen on UDP', socket_listen($udp, 1));
codes('codes', $udp);
$t = socket_create(AF_INET, SOCK_STREAM, 0);
socket_clear_error();
show('accept on a non-listening socket', socket_accept($t));
codes('codes (listener untouched)', $t);
socket_close($t);
socket_close($udp);
socket_clear_error();

section('shutdown');
$pair = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
show('shutdown mode 5', socket_shutdown($pair[0], 5));
codes('codes', $pair[0]);
show('shutdown mode -1', socket_shutdown($pair[0], -1));
show('shutdown mode 0', socket_shutdown($pair[0], 0));
show('shutdown mode 1', socket_shutdown($pair[0], 1));
show('read on peer after SHUT_WR', socket_read($pair[1], 10));
show('write after SHUT_WR', socket_write($pair[0], 'x'));
codes('codes', $pair[0]);
socket_close($pair[0]);
socket_close($pair[1]);
$t = socket_create(AF_INET, SOCK_STREAM, 0);
show('shutdown unconnected', socket_shutdown($t));
codes('codes', $t);
socket_close($t);
socket_clear_error();

section('read / write failures');
$srv = socket_create(AF_INET, SOCK_STREAM, 0);
socket_bind($srv, '127.0.0.1', 0);
socket_listen($srv);
show('read on a listening socket', socket_read($srv, 10));
codes('codes', $srv);
show('read on a listening socket, normal mode', socket_read($srv, 10, PHP_NORMAL_READ));
$u = socket_create(AF_INET, SOCK_DGRAM, 0);
show('write on unconnected UDP', socket_write($u, 'x'));
codes('codes', $u);
show('write empty string on unconnected UDP', socket_write($u, ''));
socket_close($u);
$t = socket_create(AF_INET, SOCK_STREAM, 0);
show('write on unconnected TCP (EPIPE, no SIGPIPE death)', socket_write($t, 'x'));
codes('codes', $t);
show('still alive', true);
socket_close($t);
socket_close($srv);
socket_clear_error();

section('write to a peer that has gone');
$pair = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
socket_close($pair[1]);
show('write', socket_write($pair[0], 'x'));
codes('codes', $pair[0]);
show('send', socket_send($pair[0], 'x', 1, 0));
show('read', socket_read($pair[0], 10));
socket_close($pair[0]);
show('still alive', true);

section('set_block / set_nonblock');
$t = socket_create(AF_INET, SOCK_STREAM, 0);
show('socket_set_nonblock', socket_set_nonblock($t));
show('socket_set_nonblock again', socket_set_nonblock($t));
show('socket_set_block', socket_set_block($t));
show('socket_set_block again', socket_set_block($t));
codes('codes', $t);
socket_close($t);
