<?php
// socket_strerror: glibc strerror texts, resolver (h_errno) codes below
// -10000, the int range check; the SOCKET_E* constants it is used with.
require __DIR__ . '/_dump.php';

section('errno texts');
foreach ([0, 1, 2, 4, 9, 11, 13, 22, 32, 88, 89, 93, 95, 98, 99, 104, 107, 110, 111, 113, 115] as $code) {
    show("socket_strerror($code)", socket_strerror($code));
}

section('unknown codes');
foreach ([99999, 1000, -1, -5, -9999, -10000, 2147483647] as $code) {
    show("socket_strerror($code)", socket_strerror($code));
}

section('resolver codes');
foreach ([-10001, -10002, -10003, -10004, -10005, -10100, -2147483648] as $code) {
    show("socket_strerror($code)", socket_strerror($code));
}

section('range');
attempt('socket_strerror(2147483648)', fn() => socket_strerror(2147483648));
attempt('socket_strerror(-2147483649)', fn() => socket_strerror(-2147483649));

section('SOCKET_E* constants and their texts');
foreach (
    [
        'SOCKET_EPERM' => SOCKET_EPERM,
        'SOCKET_ENOENT' => SOCKET_ENOENT,
        'SOCKET_EINTR' => SOCKET_EINTR,
        'SOCKET_EBADF' => SOCKET_EBADF,
        'SOCKET_EACCES' => SOCKET_EACCES,
        'SOCKET_EINVAL' => SOCKET_EINVAL,
        'SOCKET_EPIPE' => SOCKET_EPIPE,
        'SOCKET_EAGAIN' => SOCKET_EAGAIN,
        'SOCKET_ENOTSOCK' => SOCKET_ENOTSOCK,
        'SOCKET_EDESTADDRREQ' => SOCKET_EDESTADDRREQ,
        'SOCKET_EMSGSIZE' => SOCKET_EMSGSIZE,
        'SOCKET_EPROTONOSUPPORT' => SOCKET_EPROTONOSUPPORT,
        'SOCKET_EOPNOTSUPP' => SOCKET_EOPNOTSUPP,
        'SOCKET_EAFNOSUPPORT' => SOCKET_EAFNOSUPPORT,
        'SOCKET_EADDRINUSE' => SOCKET_EADDRINUSE,
        'SOCKET_EADDRNOTAVAIL' => SOCKET_EADDRNOTAVAIL,
        'SOCKET_ENETUNREACH' => SOCKET_ENETUNREACH,
        'SOCKET_ECONNABORTED' => SOCKET_ECONNABORTED,
        'SOCKET_ECONNRESET' => SOCKET_ECONNRESET,
        'SOCKET_EISCONN' => SOCKET_EISCONN,
        'SOCKET_ENOTCONN' => SOCKET_ENOTCONN,
        'SOCKET_ETIMEDOUT' => SOCKET_ETIMEDOUT,
        'SOCKET_ECONNREFUSED' => SOCKET_ECONNREFUSED,
        'SOCKET_EHOSTUNREACH' => SOCKET_EHOSTUNREACH,
        'SOCKET_EALREADY' => SOCKET_EALREADY,
        'SOCKET_EINPROGRESS' => SOCKET_EINPROGRESS,
    ] as $name => $value
) {
    echo $name, ' = ', $value, ': ', socket_strerror($value), "\n";
}
