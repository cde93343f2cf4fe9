<?php
// socket_create / socket_create_pair: argument validation, socket() failures,
// the global last error, new Socket(), pair round trips.
// Not covered: $type above 10. PHP 8.2 rejects it with a message that PHP 8.4
// extended (SOCK_NONBLOCK/SOCK_CLOEXEC flags); the library deliberately follows 8.4.
require __DIR__ . '/_dump.php';

section('socket_create validation (ValueError, no error code stored)');
attempt('domain 99', fn() => socket_create(99, SOCK_STREAM, 0));
attempt('domain -1', fn() => socket_create(-1, SOCK_STREAM, 0));
attempt('domain 0', fn() => socket_create(0, SOCK_STREAM, 0));
attempt('domain 99 and type 11', fn() => socket_create(99, 11, 0));
show('socket_last_error()', socket_last_error());

section('socket() failures (warning, global error only)');
attempt('AF_INET SOCK_STREAM protocol 99', fn() => socket_create(AF_INET, SOCK_STREAM, 99));
show('socket_last_error()', socket_last_error());
attempt('AF_UNIX SOCK_DGRAM SOL_UDP', fn() => socket_create(AF_UNIX, SOCK_DGRAM, SOL_UDP));
show('socket_last_error()', socket_last_error());
attempt('AF_INET type -1', fn() => socket_create(AF_INET, -1, 0));
show('socket_last_error()', socket_last_error());
attempt('AF_INET SOCK_STREAM SOL_UDP', fn() => socket_create(AF_INET, SOCK_STREAM, SOL_UDP));
show('socket_last_error()', socket_last_error());

section('success does not reset the global error');
$s = attempt('AF_INET SOCK_STREAM 0', fn() => socket_create(AF_INET, SOCK_STREAM, 0));
show('instanceof Socket', $s instanceof Socket);
show('socket_last_error($s)', socket_last_error($s));
show('socket_last_error()', socket_last_error());
socket_clear_error();
show('socket_last_error() after clear', socket_last_error());
attempt('AF_INET SOCK_STREAM SOL_TCP', fn() => socket_create(AF_INET, SOCK_STREAM, SOL_TCP));
attempt('AF_INET SOCK_DGRAM SOL_UDP', fn() => socket_create(AF_INET, SOCK_DGRAM, SOL_UDP));
attempt('AF_INET6 SOCK_STREAM 0', fn() => socket_create(AF_INET6, SOCK_STREAM, 0));
attempt('AF_INET6 SOCK_DGRAM 0', fn() => socket_create(AF_INET6, SOCK_DGRAM, 0));
attempt('AF_UNIX SOCK_STREAM 0', fn() => socket_create(AF_UNIX, SOCK_STREAM, 0));
attempt('AF_UNIX SOCK_DGRAM 0', fn() => socket_create(AF_UNIX, SOCK_DGRAM, 0));
attempt('AF_UNIX SOCK_SEQPACKET 0', fn() => socket_create(AF_UNIX, SOCK_SEQPACKET, 0));
$a = socket_create(AF_INET, SOCK_STREAM, 0);
$b = socket_create(AF_INET, SOCK_STREAM, 0);
show('two sockets are distinct', $a !== $b);
socket_close($a);
socket_close($b);
socket_close($s);

section('Socket and AddressInfo cannot be constructed');
attempt('new Socket()', fn() => new Socket());
attempt('new AddressInfo()', fn() => new AddressInfo());

section('socket_create_pair validation');
$pair = ['keep'];
attempt('domain 99', function () use (&$pair) {
    return socket_create_pair(99, SOCK_STREAM, 0, $pair);
});
show('pair', $pair);
show('socket_last_error()', socket_last_error());

section('socketpair() failures');
attempt('AF_INET SOCK_STREAM', function () use (&$pair) {
    return socket_create_pair(AF_INET, SOCK_STREAM, 0, $pair);
});
show('pair', $pair);
show('socket_last_error()', socket_last_error());
attempt('AF_INET6 SOCK_DGRAM', function () use (&$pair) {
    return socket_create_pair(AF_INET6, SOCK_DGRAM, 0, $pair);
});
attempt('AF_UNIX SOCK_STREAM protocol 99', function () use (&$pair) {
    return socket_create_pair(AF_UNIX, SOCK_STREAM, 99, $pair);
});
show('socket_last_error()', socket_last_error());
show('pair', $pair);
socket_clear_error();

section('socket_create_pair AF_UNIX SOCK_STREAM');
$pair = ['old', 'content', 'more'];
attempt('socket_create_pair', function () use (&$pair) {
    return socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
});
show('pair', $pair);
show('socket_last_error()', socket_last_error());
[$x, $y] = $pair;
show('write x', socket_write($x, "ping\x00\xff\r\n"));
show('read y', socket_read($y, 100));
show('write y', socket_write($y, all_bytes()));
$got = '';
while (strlen($got) < 256) {
    $chunk = socket_read($x, 1000);
    if ($chunk === false || $chunk === '') {
        break;
    }
    $got .= $chunk;
}
show('read x', checksum($got));
show('same bytes', $got === all_bytes());
socket_close($x);
show('read y after x closed', socket_read($y, 100));
socket_close($y);

section('socket_create_pair AF_UNIX SOCK_DGRAM keeps datagram boundaries');
$pair = [];
attempt('socket_create_pair', function () use (&$pair) {
    return socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, $pair);
});
show('pair', $pair);
show('write "one"', socket_write($pair[0], 'one'));
show('write "second"', socket_write($pair[0], 'second'));
show('write ""', socket_write($pair[0], ''));
show('read 100', socket_read($pair[1], 100));
show('read 3 of "second"', socket_read($pair[1], 3));
socket_set_nonblock($pair[1]);
show('read empty datagram', socket_read($pair[1], 100));
show('nothing left', socket_read($pair[1], 100));
show('socket_last_error($pair[1])', socket_last_error($pair[1]));
socket_clear_error();
socket_close($pair[0]);
socket_close($pair[1]);

section('socket_create_pair AF_UNIX SOCK_SEQPACKET');
$pair = [];
attempt('socket_create_pair', function () use (&$pair) {
    return socket_create_pair(AF_UNIX, SOCK_SEQPACKET, 0, $pair);
});
show('send', socket_send($pair[1], "abc\x00def", 7, 0));
$buf = 'keep';
show('recv', socket_recv($pair[0], $buf, 100, 0));
show('data', $buf);
socket_close($pair[0]);
socket_close($pair[1]);
