<?php
// Wrong argument types throw TypeError with PHP 8's messages (strict_types=1,
// which is how a typed JS API behaves), and missing arguments throw
// ArgumentCountError.
declare(strict_types=1);

require __DIR__ . '/_dump.php';

$s = socket_create(AF_INET, SOCK_STREAM, 0);

section('Socket parameters');
attempt('socket_write(string)', fn() => socket_write('x', 'y'));
attempt('socket_close(null)', fn() => socket_close(null));
attempt('socket_read(int)', fn() => socket_read(5, 10));
attempt('socket_bind(array)', fn() => socket_bind([], '127.0.0.1'));
attempt('socket_accept(true)', fn() => socket_accept(true));
attempt('socket_last_error(string)', fn() => socket_last_error('x'));
attempt('socket_clear_error(int)', fn() => socket_clear_error(1));
attempt('socket_last_error(null)', fn() => socket_last_error(null));

section('int parameters');
attempt('socket_create(string domain)', fn() => socket_create('2', SOCK_STREAM, 0));
attempt('socket_create(float type)', fn() => socket_create(AF_INET, 1.5, 0));
attempt('socket_create(null protocol)', fn() => socket_create(AF_INET, SOCK_STREAM, null));
attempt('socket_read(string length)', fn() => socket_read($s, '10'));
attempt('socket_read(null mode)', fn() => socket_read($s, 10, null));
attempt('socket_listen(bool backlog)', fn() => socket_listen($s, false));
attempt('socket_shutdown(string mode)', fn() => socket_shutdown($s, 'x'));
attempt('socket_bind(string port)', fn() => socket_bind($s, '127.0.0.1', '80'));
attempt('socket_strerror(float)', fn() => socket_strerror(1.5));
attempt('socket_strerror(null)', fn() => socket_strerror(null));

section('string parameters');
attempt('socket_write(int data)', fn() => socket_write($s, 123));
attempt('socket_write(null data)', fn() => socket_write($s, null));
attempt('socket_bind(int address)', fn() => socket_bind($s, 127));
attempt('socket_connect(null address)', fn() => socket_connect($s, null, 80));
attempt('socket_sendto(int address)', fn() => socket_sendto($s, 'x', 1, 0, 1, 80));

section('nullable int parameters');
attempt('socket_write(string length)', fn() => socket_write($s, 'x', '1'));
attempt('socket_connect(string port)', fn() => socket_connect($s, '127.0.0.1', '80'));

section('missing arguments');
attempt('socket_connect($s)', fn() => socket_connect($s));
attempt('socket_create(AF_INET)', fn() => socket_create(AF_INET));
attempt('socket_read($s)', fn() => socket_read($s));
attempt('socket_strerror()', fn() => socket_strerror());

section('order of checks: type errors before the closed check');
$closed = socket_create(AF_INET, SOCK_STREAM, 0);
socket_close($closed);
attempt('closed socket, bad length type', fn() => socket_read($closed, '10'));
attempt('closed socket, bad data type', fn() => socket_write($closed, 1));
show('socket_last_error()', socket_last_error());
socket_close($s);
