<?php
// Port of php-src ext/sockets/tests/socket_select_error.phpt: arrays holding
// something other than Socket objects throw a TypeError naming the first
// offending array and the type found. Beyond the original: other types, the
// order in which the arrays are checked, and that nothing was stored as an
// error code.
require __DIR__ . '/_dump.php';

socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);

function sel(string $label, ?array $r, ?array $w, ?array $e): void
{
    attempt($label, function () use ($r, $w, $e) {
        return socket_select($r, $w, $e, 1);
    });
}

sel('all three hold a string', ['no resource'], ['no resource'], ['no resource']);
sel('read holds an int', [1], null, null);
sel('read holds null', [null], null, null);
sel('read holds an array', [[$pair[0]]], null, null);
sel('read holds a float', [$pair[0], 1.5], null, null);
sel('write holds true', [$pair[0]], [true], null);
sel('except holds an object', null, null, [new stdClass()]);
sel('valid read, bad write and except', [$pair[0]], ['x'], [2]);
show('socket_last_error()', socket_last_error());
socket_close($pair[0]);
socket_close($pair[1]);
