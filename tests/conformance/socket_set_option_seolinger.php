<?php
// Port of php-src ext/sockets/tests/socket_set_option_seolinger.phpt: SO_LINGER
// without "l_onoff" or without "l_linger" throws a ValueError (PHP 8; the
// original expects warnings); set to {1, 1} it reads back l_linger 1 and a
// true l_onoff. Beyond the original: the exact array read back, and off.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
attempt('empty array', fn() => socket_set_option($socket, SOL_SOCKET, SO_LINGER, array()));

$options = array("l_onoff" => 1, "l_linger" => 1);
$retval_2 = socket_set_option($socket, SOL_SOCKET, SO_LINGER, $options);
$retval_3 = socket_get_option($socket, SOL_SOCKET, SO_LINGER);

$options_2 = array("l_onoff" => 1);
attempt('l_linger not given', fn() => socket_set_option($socket, SOL_SOCKET, SO_LINGER, $options_2));

show('socket_set_option', $retval_2);
show('l_linger', $retval_3["l_linger"] === $options["l_linger"]);
// value of l_onoff is not always 1, Darwin returns 128
show('l_onoff', (bool)$retval_3["l_onoff"] === (bool)$options["l_onoff"]);
show('socket_get_option', $retval_3);
show('off', socket_set_option($socket, SOL_SOCKET, SO_LINGER, ["l_onoff" => 0, "l_linger" => 0]));
show('socket_get_option', socket_get_option($socket, SOL_SOCKET, SO_LINGER));
socket_close($socket);
