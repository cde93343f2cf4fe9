<?php
// Port of php-src ext/sockets/tests/socket_sendto_params.phpt: a negative
// length throws a ValueError, before the missing port is noticed (on a TCP
// socket listening on 127.0.0.1 port 0 instead of socket_create_listen() on a
// fixed port). Beyond the original: the order of the other checks, and what
// a real sendto on a listening TCP socket does (EPIPE).
require __DIR__ . '/_dump.php';

$s_c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($s_c, '127.0.0.1', 0);
socket_listen($s_c);
socket_getsockname($s_c, $addr, $port);
attempt('length -1, no port', fn() => socket_sendto($s_c, "foo", -1, MSG_OOB, '127.0.0.1'));
attempt('length -1, port', fn() => socket_sendto($s_c, "foo", -1, MSG_OOB, '127.0.0.1', $port));
attempt('no port', fn() => socket_sendto($s_c, "foo", 3, MSG_OOB, '127.0.0.1'));
show('socket_last_error($s_c)', socket_last_error($s_c));
attempt('sendto on a listening socket', fn() => socket_sendto($s_c, "foo", 3, 0, '127.0.0.1', $port));
show('socket_last_error($s_c)', socket_last_error($s_c));
socket_close($s_c);
attempt('closed, length -1', fn() => socket_sendto($s_c, "foo", -1, 0, '127.0.0.1', $port));
