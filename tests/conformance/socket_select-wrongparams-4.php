<?php
// Port of php-src ext/sockets/tests/socket_select-wrongparams-4.phpt: a
// microseconds value above 999999 is carried into seconds (0 s + 2000000 us
// waits about two seconds) and the select times out with 0.
require __DIR__ . '/_dump.php';

$sockets = array();
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $sockets);

$write  = null;
$except = null;
$time   = 0;
$usec   = 2000000;
$start = microtime(true);
show('socket_select', socket_select($sockets, $write, $except, $time, $usec));
$waited = microtime(true) - $start;
show('waited about 2 s', $waited >= 1.9 && $waited < 10);
show('read', $sockets);
