<?php
// Own case: every function checks its argument count first, with PHP 8's
// ArgumentCountError ("exactly", "at least", "at most"), before the types of
// the arguments it has and before a closed socket is noticed. Each function
// is called with one argument too few (or none) and one too many.
require __DIR__ . '/_dump.php';

$s = socket_create(AF_INET, SOCK_DGRAM, 0);
$closed = socket_create(AF_INET, SOCK_DGRAM, 0);
socket_close($closed);
$a = $b = $c = $d = null;

section('too few');
attempt('socket_accept()', fn() => socket_accept());
attempt('socket_bind($s)', fn() => socket_bind($s));
attempt('socket_close()', fn() => socket_close());
attempt('socket_connect($closed)', fn() => socket_connect($closed));
attempt('socket_create(AF_INET, SOCK_STREAM)', fn() => socket_create(AF_INET, SOCK_STREAM));
attempt('socket_create_listen()', fn() => socket_create_listen());
attempt('socket_create_pair(AF_UNIX, SOCK_STREAM, 0)', fn() => socket_create_pair(AF_UNIX, SOCK_STREAM, 0));
attempt('socket_get_option($s, SOL_SOCKET)', fn() => socket_get_option($s, SOL_SOCKET));
attempt('socket_getopt($s)', fn() => socket_getopt($s));
attempt('socket_getpeername($s)', fn() => socket_getpeername($s));
attempt('socket_getsockname("x")', fn() => socket_getsockname("x"));
attempt('socket_listen()', fn() => socket_listen());
attempt('socket_read($s)', fn() => socket_read($s));
attempt('socket_recv($s, $a, 10)', function () use ($s, &$a) { return socket_recv($s, $a, 10); });
attempt('socket_recvfrom($s, $a, 10, 0)', function () use ($s, &$a) { return socket_recvfrom($s, $a, 10, 0); });
attempt('socket_select($a, $b, $c)', function () use (&$a, &$b, &$c) { return socket_select($a, $b, $c); });
attempt('socket_send($s, "x", 1)', fn() => socket_send($s, "x", 1));
attempt('socket_sendto($s, "x", 1, 0)', fn() => socket_sendto($s, "x", 1, 0));
attempt('socket_set_block()', fn() => socket_set_block());
attempt('socket_set_nonblock()', fn() => socket_set_nonblock());
attempt('socket_set_option($s, SOL_SOCKET, SO_REUSEADDR)', fn() => socket_set_option($s, SOL_SOCKET, SO_REUSEADDR));
attempt('socket_setopt($closed, 1, 2)', fn() => socket_setopt($closed, 1, 2));
attempt('socket_shutdown()', fn() => socket_shutdown());
attempt('socket_strerror()', fn() => socket_strerror());
attempt('socket_write($s)', fn() => socket_write($s));

section('too many');
attempt('socket_accept($s, 1)', fn() => socket_accept($s, 1));
attempt('socket_bind($s, "127.0.0.1", 0, 1)', fn() => socket_bind($s, "127.0.0.1", 0, 1));
attempt('socket_clear_error($s, 1)', fn() => socket_clear_error($s, 1));
attempt('socket_close($closed, 1)', fn() => socket_close($closed, 1));
attempt('socket_connect($s, "127.0.0.1", 1, 1)', fn() => socket_connect($s, "127.0.0.1", 1, 1));
attempt('socket_create(AF_INET, SOCK_STREAM, 0, 1)', fn() => socket_create(AF_INET, SOCK_STREAM, 0, 1));
attempt('socket_create_listen(0, 1, 1)', fn() => socket_create_listen(0, 1, 1));
attempt('socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $a, 1)', function () use (&$a) { return socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $a, 1); });
attempt('socket_get_option($s, SOL_SOCKET, SO_TYPE, 1)', fn() => socket_get_option($s, SOL_SOCKET, SO_TYPE, 1));
attempt('socket_getopt($s, SOL_SOCKET, SO_TYPE, 1)', fn() => socket_getopt($s, SOL_SOCKET, SO_TYPE, 1));
attempt('socket_getpeername($s, $a, $b, 1)', function () use ($s, &$a, &$b) { return socket_getpeername($s, $a, $b, 1); });
attempt('socket_getsockname($s, $a, $b, 1)', function () use ($s, &$a, &$b) { return socket_getsockname($s, $a, $b, 1); });
attempt('socket_last_error($s, 1)', fn() => socket_last_error($s, 1));
attempt('socket_listen($s, 1, 1)', fn() => socket_listen($s, 1, 1));
attempt('socket_read($s, 1, PHP_BINARY_READ, 1)', fn() => socket_read($s, 1, PHP_BINARY_READ, 1));
attempt('socket_recv($s, $a, 1, 0, 1)', function () use ($s, &$a) { return socket_recv($s, $a, 1, 0, 1); });
attempt('socket_recvfrom($s, $a, 1, 0, $b, $c, 1)', function () use ($s, &$a, &$b, &$c) { return socket_recvfrom($s, $a, 1, 0, $b, $c, 1); });
attempt('socket_select($a, $b, $c, 0, 0, 1)', function () use (&$a, &$b, &$c) { return socket_select($a, $b, $c, 0, 0, 1); });
attempt('socket_send($s, "x", 1, 0, 1)', fn() => socket_send($s, "x", 1, 0, 1));
attempt('socket_sendto($s, "x", 1, 0, "127.0.0.1", 1, 1)', fn() => socket_sendto($s, "x", 1, 0, "127.0.0.1", 1, 1));
attempt('socket_set_block($s, 1)', fn() => socket_set_block($s, 1));
attempt('socket_set_nonblock($s, 1)', fn() => socket_set_nonblock($s, 1));
attempt('socket_set_option($s, SOL_SOCKET, SO_REUSEADDR, 1, 1)', fn() => socket_set_option($s, SOL_SOCKET, SO_REUSEADDR, 1, 1));
attempt('socket_setopt($s, SOL_SOCKET, SO_REUSEADDR, 1, 1)', fn() => socket_setopt($s, SOL_SOCKET, SO_REUSEADDR, 1, 1));
attempt('socket_shutdown($s, 2, 1)', fn() => socket_shutdown($s, 2, 1));
attempt('socket_strerror(1, 1)', fn() => socket_strerror(1, 1));
attempt('socket_write($s, "x", 1, 1)', fn() => socket_write($s, "x", 1, 1));
show('socket_last_error()', socket_last_error());
socket_close($s);
