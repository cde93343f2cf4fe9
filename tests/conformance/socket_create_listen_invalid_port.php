<?php
// Port of php-src ext/sockets/tests/socket_create_listen_invalid_port.phpt
// (PHP 8.5): ports outside 0..65535 throw a ValueError before anything is
// bound. (The original's socket_create_listen(0) is left out: it listens on
// every interface, and the twins may only touch loopback.)
// HAND-WRITTEN: PHP 8.2 wraps the port (65536 listens on port 0); the module follows PHP 8.5, whose message this is.
require __DIR__ . '/_dump.php';

attempt('socket_create_listen(-1)', fn() => socket_create_listen(-1));
attempt('socket_create_listen(65536)', fn() => socket_create_listen(65536));
attempt('socket_create_listen(65536 + 80, 5)', fn() => socket_create_listen(65536 + 80, 5));
show('socket_last_error()', socket_last_error());
