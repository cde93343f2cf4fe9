<?php
// Port of php-src ext/sockets/tests/gh16267.phpt (GH-16267: socket_strerror
// overflowed on codes outside the C int range): PHP_INT_MIN and PHP_INT_MAX
// throw a ValueError; the ends of the int range are still accepted.
require __DIR__ . '/_dump.php';

attempt('PHP_INT_MIN', fn() => socket_strerror(PHP_INT_MIN));
attempt('PHP_INT_MAX', fn() => socket_strerror(PHP_INT_MAX));
attempt('2147483648', fn() => socket_strerror(2147483648));
attempt('-2147483649', fn() => socket_strerror(-2147483649));
attempt('2147483647', fn() => socket_strerror(2147483647));
attempt('-2147483648', fn() => socket_strerror(-2147483648));
