<?php
// Port of php-src ext/sockets/tests/socket_set_option_sndtimeo.phpt: an empty
// array for SO_SNDTIMEO throws a ValueError, a set value reads back as
// exactly the same array. Beyond the original: the timeout works, a write to
// a peer that does not read gives up after it, once the buffers are full,
// with EAGAIN and no warning.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_set_block($socket);

attempt('empty array', fn() => socket_set_option($socket, SOL_SOCKET, SO_SNDTIMEO, []));

$options = array("sec" => 1, "usec" => 0);
$retval_2 = socket_set_option($socket, SOL_SOCKET, SO_SNDTIMEO, $options);
$retval_3 = socket_get_option($socket, SOL_SOCKET, SO_SNDTIMEO);
show('socket_set_option', $retval_2);
show('identical', $retval_3 === $options);
socket_close($socket);

socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
show('0.2 s', socket_set_option($pair[0], SOL_SOCKET, SO_SNDTIMEO, ["sec" => 0, "usec" => 200000]));
$chunk = str_repeat('x', 65536);
$start = microtime(true);
do {
    $n = socket_write($pair[0], $chunk);
} while ($n !== false && microtime(true) - $start < 10);
show('last write', $n);
show('gave up within 10 s', microtime(true) - $start < 10);
show('socket_last_error($pair[0])', socket_last_error($pair[0]));
socket_close($pair[0]);
socket_close($pair[1]);
