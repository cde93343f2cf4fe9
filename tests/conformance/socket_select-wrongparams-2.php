<?php
// Port of php-src ext/sockets/tests/socket_select-wrongparams-2.phpt: with
// no array at all (three nulls, or empty arrays) socket_select throws a
// ValueError before calling select(), so no error code is stored.
require __DIR__ . '/_dump.php';

$sockets = null;
$write   = null;
$except  = null;
$time    = 0;
attempt('three nulls', fn() => socket_select($sockets, $write, $except, $time));
attempt('three nulls, no timeout', fn() => socket_select($sockets, $write, $except, null));
$sockets = [];
attempt('an empty array and two nulls', fn() => socket_select($sockets, $write, $except, $time));
$write = [];
$except = [];
attempt('three empty arrays', fn() => socket_select($sockets, $write, $except, $time));
show('socket_last_error()', socket_last_error());
