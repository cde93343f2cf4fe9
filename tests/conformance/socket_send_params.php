<?php
// Port of php-src ext/sockets/tests/socket_send_params.phpt: a negative length
// throws a ValueError before anything is sent (on a listening socket bound to
// 127.0.0.1 port 0 instead of socket_create_listen(0), which listens on every
// interface). Beyond the original: what a real send on that socket does
// (EPIPE, without the SIGPIPE that would kill the process), and length 0.
require __DIR__ . '/_dump.php';

$s_c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($s_c, '127.0.0.1', 0);
socket_listen($s_c);
attempt('length -1 with MSG_OOB', fn() => socket_send($s_c, "foo", -1, MSG_OOB));
attempt('length PHP_INT_MIN', fn() => socket_send($s_c, "foo", PHP_INT_MIN, 0));
show('socket_last_error($s_c)', socket_last_error($s_c));
attempt('length 3 with MSG_OOB', fn() => socket_send($s_c, "foo", 3, MSG_OOB));
show('socket_last_error($s_c)', socket_last_error($s_c));
attempt('length 0', fn() => socket_send($s_c, "foo", 0, 0));
show('still alive', true);
socket_close($s_c);
attempt('closed, length -1', fn() => socket_send($s_c, "foo", -1, 0));
