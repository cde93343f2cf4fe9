<?php
// Port of php-src ext/sockets/tests/socket_strerror.phpt: glibc's text for
// every errno from 0 to 133 (the original stops at 132 and allows any text
// for 58 and 133; glibc here is the oracle). The call without an argument
// throws ArgumentCountError in PHP 8.
require __DIR__ . '/_dump.php';

attempt('socket_strerror()', fn() => socket_strerror());
for ($i = 0; $i <= 133; $i++) {
    show("$i", socket_strerror($i));
}
