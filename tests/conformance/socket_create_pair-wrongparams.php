<?php
// Port of php-src ext/sockets/tests/socket_create_pair-wrongparams.phpt, in
// PHP 8 terms: a missing argument and wrong types throw (strict_types, which
// is how the typed TypeScript API behaves), an unknown domain throws
// ValueError, and a domain or type socketpair() rejects warns and returns
// false, leaving the array alone. (The original's type 31337 is left out: its
// message is the one PHP 8.4 extended, see socket_create_pair_sockexec.)
declare(strict_types=1);

require __DIR__ . '/_dump.php';

function pair(string $label, int $domain, int $type, int $protocol): void
{
    $sockets = ['untouched'];
    attempt($label, function () use ($domain, $type, $protocol, &$sockets) {
        return socket_create_pair($domain, $type, $protocol, $sockets);
    });
    show('  sockets', $sockets);
    show('  socket_last_error()', socket_last_error());
}

attempt('three arguments', fn() => socket_create_pair(AF_INET, 0, 0));
attempt('domain "unknown"', function () {
    $domain = 'unknown';
    return socket_create_pair($domain, SOCK_STREAM, 0, $sockets);
});
attempt('type null', fn() => socket_create_pair(AF_INET, null, null, $sockets));
pair('AF_INET', AF_INET, SOCK_STREAM, 0);
pair('domain 31337', 31337, SOCK_STREAM, 0);
pair('AF_INET6', AF_INET6, SOCK_DGRAM, 0);
pair('AF_UNIX type -1', AF_UNIX, -1, 0);
pair('AF_UNIX type 10', AF_UNIX, 10, 0);
pair('AF_UNIX SOCK_RDM', AF_UNIX, SOCK_RDM, 0);
pair('AF_UNIX protocol 6', AF_UNIX, SOCK_STREAM, 6);
