<?php
// The PHP manual's socket_get_option() example: a listening socket gets a
// SO_LINGER value and reports SO_REUSEADDR. The manual listens with
// socket_create_listen(1223), which binds every interface and sets
// SO_REUSEADDR; here the socket does the same on 127.0.0.1 port 0. Beyond
// the manual: the SO_LINGER value read back.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_set_option($socket, SOL_SOCKET, SO_REUSEADDR, 1);
socket_bind($socket, '127.0.0.1', 0);
socket_listen($socket, 128);

$linger = array('l_linger' => 1, 'l_onoff' => 1);
socket_set_option($socket, SOL_SOCKET, SO_LINGER, $linger);

var_dump(socket_get_option($socket, SOL_SOCKET, SO_REUSEADDR));
show('SO_LINGER', socket_get_option($socket, SOL_SOCKET, SO_LINGER));
