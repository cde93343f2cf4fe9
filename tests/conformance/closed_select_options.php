<?php
// socket_select and socket_get_option/socket_set_option (and their aliases,
// whose own names appear in the messages) with a closed socket.
require __DIR__ . '/_dump.php';

$s = socket_create(AF_INET, SOCK_STREAM, 0);
socket_close($s);

section('options on a closed socket');
attempt('socket_get_option', fn() => socket_get_option($s, SOL_SOCKET, SO_TYPE));
attempt('socket_getopt', fn() => socket_getopt($s, SOL_SOCKET, SO_TYPE));
attempt('socket_set_option', fn() => socket_set_option($s, SOL_SOCKET, SO_REUSEADDR, 1));
attempt('socket_setopt', fn() => socket_setopt($s, SOL_SOCKET, SO_REUSEADDR, 1));

section('socket_select with a closed socket');
$open = socket_create(AF_INET, SOCK_DGRAM, 0);
attempt('read array', function () use ($s, $open) {
    $r = [$open, $s];
    $w = null;
    $e = null;
    return socket_select($r, $w, $e, 0);
});
attempt('write array', function () use ($s) {
    $r = null;
    $w = [$s];
    $e = null;
    return socket_select($r, $w, $e, 0);
});
attempt('except array', function () use ($s) {
    $r = [];
    $w = [];
    $e = [$s];
    return socket_select($r, $w, $e, 0);
});
socket_close($open);

