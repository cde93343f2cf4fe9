<?php
// Port of php-src ext/sockets/tests/socket_create_listen-wrongparams.phpt, in
// PHP 8 terms: an array as the port or the backlog throws a TypeError (the
// original expects warnings), before anything is bound. Beyond the original:
// other wrong types (strict_types, which is how the typed TypeScript API
// behaves).
declare(strict_types=1);

require __DIR__ . '/_dump.php';

attempt('port array()', fn() => socket_create_listen(array()));
attempt('backlog array()', fn() => socket_create_listen(31337, array()));
attempt('port "80"', fn() => socket_create_listen("80"));
attempt('port null', fn() => socket_create_listen(null));
attempt('port 1.5', fn() => socket_create_listen(1.5));
attempt('backlog null', fn() => socket_create_listen(0, null));
attempt('backlog true', fn() => socket_create_listen(0, true));
show('socket_last_error()', socket_last_error());
