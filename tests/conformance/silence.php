<?php
// The @ operator (withoutWarnings in TypeScript): the warning is not shown,
// but false is returned and the error codes are stored as usual.
require __DIR__ . '/_dump.php';

function codes(string $label, ?Socket $s): void
{
    echo "$label: socket ", $s === null ? '-' : socket_last_error($s), ', global ', socket_last_error(), "\n";
}

$a = socket_create(AF_INET, SOCK_STREAM, 0);
socket_bind($a, '127.0.0.1', 0);
socket_getsockname($a, $addr, $port);

section('silenced');
$c = socket_create(AF_INET, SOCK_STREAM, 0);
show('connect refused', @socket_connect($c, '127.0.0.1', $port));
codes('codes', $c);
$b = socket_create(AF_INET, SOCK_STREAM, 0);
show('bind in use', @socket_bind($b, '127.0.0.1', $port));
codes('codes', $b);
show('create with protocol 99', @socket_create(AF_INET, SOCK_STREAM, 99));
codes('codes', null);
$pair = ['keep'];
show('create_pair AF_INET', @socket_create_pair(AF_INET, SOCK_STREAM, 0, $pair));
show('pair', $pair);
codes('codes', null);

section('warnings are back afterwards');
show('connect refused', socket_connect($c, '127.0.0.1', $port));

section('exceptions are not silenced');
attempt('bad domain', fn() => @socket_create(99, SOCK_STREAM, 0));
attempt('closed socket', function () use ($c) {
    $d = socket_create(AF_INET, SOCK_STREAM, 0);
    socket_close($d);
    return @socket_write($d, 'x');
});
show('warnings still shown after an exception', socket_bind($b, '127.0.0.1', $port));

section('nested');
show('outer', @(function () use ($c, $port) {
    $inner = @socket_connect($c, '127.0.0.1', $port);
    return [$inner, socket_connect($c, '127.0.0.1', $port)];
})());
show('after nesting', socket_listen(socket_create(AF_INET, SOCK_DGRAM, 0)));

socket_close($b);
socket_close($c);
socket_close($a);
