<?php
// Own case: wrong argument types for the I/O, option and select functions
// (strict_types=1, which is how a typed JS API behaves) throw PHP 8's
// TypeError naming the parameter; none of them stores an error code or does
// any I/O. (types.php covers the lifecycle and address functions.)
declare(strict_types=1);

require __DIR__ . '/_dump.php';

socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, $pair);
[$s, $peer] = $pair;
$buf = $from = $port = 'untouched';

section('socket_recv / socket_send');
attempt('recv length "10"', function () use ($s, &$buf) { return socket_recv($s, $buf, "10", 0); });
attempt('recv flags null', function () use ($s, &$buf) { return socket_recv($s, $buf, 10, null); });
attempt('recv socket "x"', function () use (&$buf) { return socket_recv("x", $buf, 10, 0); });
attempt('send data 12', fn() => socket_send($s, 12, 2, 0));
attempt('send data null', fn() => socket_send($s, null, 0, 0));
attempt('send length 1.5', fn() => socket_send($s, "x", 1.5, 0));
attempt('send flags "0"', fn() => socket_send($s, "x", 1, "0"));

section('socket_recvfrom / socket_sendto');
attempt('recvfrom length null', function () use ($s, &$buf, &$from) { return socket_recvfrom($s, $buf, null, 0, $from); });
attempt('recvfrom flags 0.25', function () use ($s, &$buf, &$from) { return socket_recvfrom($s, $buf, 10, 0.25, $from); });
attempt('sendto length "1"', fn() => socket_sendto($s, "x", "1", 0, "addr"));
attempt('sendto flags false', fn() => socket_sendto($s, "x", 1, false, "addr"));
attempt('sendto address null', fn() => socket_sendto($s, "x", 1, 0, null));
attempt('sendto port "80"', fn() => socket_sendto($s, "x", 1, 0, "addr", "80"));
attempt('sendto data []', fn() => socket_sendto($s, [], 1, 0, "addr"));

section('socket_read / socket_write');
attempt('read mode "1"', fn() => socket_read($s, 10, "1"));
attempt('write data 1.5', fn() => socket_write($s, 1.5));
attempt('write length true', fn() => socket_write($s, "x", true));

section('options');
attempt('get_option level "1"', fn() => socket_get_option($s, "1", SO_TYPE));
attempt('get_option option null', fn() => socket_get_option($s, SOL_SOCKET, null));
attempt('getopt option 1.5', fn() => socket_getopt($s, SOL_SOCKET, 1.5));
attempt('set_option level null', fn() => socket_set_option($s, null, SO_REUSEADDR, 1));
attempt('set_option option "2"', fn() => socket_set_option($s, SOL_SOCKET, "2", 1));
attempt('setopt socket null', fn() => socket_setopt(null, SOL_SOCKET, SO_REUSEADDR, 1));

section('socket_select');
attempt('seconds "0"', function () use ($s) { $r = [$s]; $w = null; $e = null; return socket_select($r, $w, $e, "0"); });
attempt('microseconds null', function () use ($s) { $r = [$s]; $w = null; $e = null; return socket_select($r, $w, $e, 0, null); });
attempt('seconds 0.5', function () use ($s) { $r = [$s]; $w = null; $e = null; return socket_select($r, $w, $e, 0.5); });

section('others');
attempt('set_nonblock(1)', fn() => socket_set_nonblock(1));
attempt('set_block(null)', fn() => socket_set_block(null));
attempt('shutdown mode null', fn() => socket_shutdown($s, null));
attempt('getsockname(false)', function () use (&$from) { return socket_getsockname(false, $from); });
attempt('getpeername([])', function () use (&$from) { return socket_getpeername([], $from); });
attempt('listen(new stdClass)', fn() => socket_listen(new stdClass()));

show('values', [$buf, $from, $port]);
show('socket_last_error()', socket_last_error());
show('nothing was sent', socket_recv($peer, $buf, 10, MSG_DONTWAIT));
socket_clear_error();
socket_close($s);
socket_close($peer);
