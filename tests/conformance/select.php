<?php
// socket_select: readiness per set, keys kept, duplicates, counts, timeouts
// and the argument errors (reference §2, socket_select).
require __DIR__ . '/_dump.php';

function names(?array $set, array $names): mixed
{
    if ($set === null) {
        return null;
    }
    $out = [];
    foreach ($set as $k => $s) {
        $out[$k] = $names[spl_object_id($s)];
    }
    return $out;
}

socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $q);
$names = [spl_object_id($p[0]) => 'p0', spl_object_id($p[1]) => 'p1',
          spl_object_id($q[0]) => 'q0', spl_object_id($q[1]) => 'q1'];

section('nothing to read');
$r = ['a' => $p[0], 'b' => $q[0]];
$w = null;
$e = null;
show('result', socket_select($r, $w, $e, 0));
show('read', names($r, $names));
show('write', $w);

section('one readable, all writable, keys kept');
socket_write($p[1], "x");
$r = ['a' => $p[0], 'b' => $q[0]];
$w = ['first' => $p[0], 'second' => $q[1]];
$e = [];
show('result', socket_select($r, $w, $e, 0, 0));
show('read', names($r, $names));
show('write', names($w, $names));
show('except', names($e, $names));

section('duplicates count once per set');
$r = ['x' => $p[0], 'y' => $p[0], 'z' => $q[0]];
$w = ['x' => $p[0]];
$e = null;
show('result', socket_select($r, $w, $e, 0));
show('read', names($r, $names));
show('write', names($w, $names));

section('end of file is readable');
socket_close($q[1]);
$r = ['q0' => $q[0]];
$w = null;
$e = null;
show('result', socket_select($r, $w, $e, 1));
show('read', names($r, $names));

section('timeouts');
$r = ['p1' => $p[1]];
$w = null;
$e = null;
$t = microtime(true);
show('result', socket_select($r, $w, $e, 0, 200000));
show('waited at least 0.15 s', microtime(true) - $t >= 0.15);
show('read', names($r, $names));
$r = ['p1' => $p[1]];
$t = microtime(true);
show('usec carry', socket_select($r, $w, $e, 0, 1100000) . ' ' . (microtime(true) - $t >= 1.0 ? 'waited' : 'early'));
$r = ['p1' => $p[1]];
show('negative seconds', socket_select($r, $w, $e, -1));
show('global error', socket_last_error());
show('untouched', names($r, $names));
$r = ['p1' => $p[1]];
show('negative microseconds', socket_select($r, $w, $e, 0, -1));

section('argument errors');
$w = null;
$e = null;
attempt('all null', function () { $r = null; $w = null; $e = null; return socket_select($r, $w, $e, 0); });
attempt('all empty', function () { $r = []; $w = []; $e = []; return socket_select($r, $w, $e, 0); });
attempt('an int', function () { $r = [1]; $w = null; $e = null; return socket_select($r, $w, $e, 0); });
attempt('a string in write', function () use ($p) { $r = [$p[0]]; $w = ['s']; $e = null; return socket_select($r, $w, $e, 0); });
attempt('an object in except', function () use ($p) { $r = [$p[0]]; $w = null; $e = [new stdClass()]; return socket_select($r, $w, $e, 0); });
attempt('seconds not an int', function () use ($p) { $r = [$p[0]]; $w = null; $e = null; return socket_select($r, $w, $e, 'x'); });
attempt('too few arguments', function () use ($p) { $r = [$p[0]]; $w = null; $e = null; return socket_select($r, $w, $e); });
attempt('read not an array', function () { $r = 5; $w = null; $e = null; return socket_select($r, $w, $e, 0); });

section('except set sees out-of-band data');
$srv = socket_create(AF_INET, SOCK_STREAM, 0);
socket_bind($srv, '127.0.0.1', 0);
socket_listen($srv);
socket_getsockname($srv, $addr, $port);
$c = socket_create(AF_INET, SOCK_STREAM, 0);
socket_connect($c, '127.0.0.1', $port);
$a = socket_accept($srv);
$names[spl_object_id($a)] = 'accepted';
$r = null;
$w = null;
$e = ['accepted' => $a];
show('no urgent data', socket_select($r, $w, $e, 0));
socket_send($c, "!", 1, MSG_OOB);
$e = ['accepted' => $a];
show('urgent data', socket_select($r, $w, $e, 1));
show('except', names($e, $names));
foreach ([$p[0], $p[1], $q[0], $srv, $c, $a] as $s) {
    socket_close($s);
}
