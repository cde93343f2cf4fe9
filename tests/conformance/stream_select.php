<?php
// stream_select: readiness in each set, keys kept, PHP's buffered-data
// shortcut, timeouts and argument errors.
require __DIR__ . '/_dump.php';

function names(?array $set, array $known): mixed
{
    if ($set === null) {
        return null;
    }
    $out = [];
    foreach ($set as $k => $s) {
        $out[$k] = array_search($s, $known, true);
    }
    return $out;
}

[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$known = ['a' => $a, 'b' => $b];

section('readiness');
$r = ['a' => $a, 'b' => $b];
$w = null;
$e = null;
show('nothing to read, timeout 0', stream_select($r, $w, $e, 0));
show('read', names($r, $known));
fwrite($a, "hello\nworld\n");
$r = ['a' => $a, 'b' => $b];
show('b has data', stream_select($r, $w, $e, 0));
show('read', names($r, $known));
$r = ['first' => $b, 'again' => $b];
show('the same stream twice counts once', stream_select($r, $w, $e, 0));
show('read', names($r, $known));
$r = null;
$w = ['a' => $a, 'b' => $b];
show('both writable', stream_select($r, $w, $e, 0));
show('write', names($w, $known));
$r = ['a' => $a, 'b' => $b];
$w = ['a' => $a];
show('read and write together', stream_select($r, $w, $e, 0));
show('read', names($r, $known));
show('write', names($w, $known));

section('buffered data');
show('fgets', fgets($b));
$r = ['a' => $a, 'b' => $b];
$w = ['a' => $a];
$e = ['b' => $b];
show('b has buffered bytes', stream_select($r, $w, $e, 0));
show('read', names($r, $known));
show('write emptied', $w);
show('except emptied', $e);
show('fgets', fgets($b));

section('timeout');
$r = ['b' => $b];
$w = null;
$e = null;
$t = microtime(true);
show('select 0.1 s', stream_select($r, $w, $e, 0, 100000));
show('waited', microtime(true) - $t >= 0.09);
show('read', $r);

section('servers and out-of-band data');
$server = stream_socket_server('tcp://127.0.0.1:0');
$r = ['server' => $server];
show('no connection yet', stream_select($r, $w, $e, 0));
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
$r = ['server' => $server];
show('a connection is pending', stream_select($r, $w, $e, 0, 500000));
show('read', names($r, ['server' => $server]));
$conn = stream_socket_accept($server);
stream_socket_sendto($client, 'u', STREAM_OOB);
$r = null;
$e = ['conn' => $conn];
show('out-of-band data', stream_select($r, $w, $e, 0, 500000));
show('except', names($e, ['conn' => $conn]));
fclose($conn);
fclose($client);
fclose($server);

section('argument errors');
$r = [];
$w = null;
$e = null;
attempt('no streams', fn () => stream_select($r, $w, $e, 0));
$r = ['x' => 'not a stream', 'y' => 42];
attempt('no streams among the values', fn () => stream_select($r, $w, $e, 0));
[$c, $d] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
fclose($c);
$r = ['c' => $c];
attempt('a closed stream is skipped', fn () => stream_select($r, $w, $e, 0));
$r = ['b' => $b, 'x' => 'skipped', 'c' => $c, 'a' => $a];
fwrite($a, 'z');
try {
    stream_select($r, $w, $e, 0);
} catch (TypeError $t) {
    echo 'after the sets are rewritten: ', $t->getMessage(), "\n";
}
show('read', names($r, $known));
$w = ['x' => 5, 'b' => $b];
$r = null;
try {
    stream_select($r, $w, $e, 0);
} catch (TypeError $t) {
    echo 'after the sets are rewritten: ', $t->getMessage(), "\n";
}
show('write', names($w, $known));
$w = null;
$r = ['b' => $b];
attempt('microseconds with null seconds', fn () => stream_select($r, $w, $e, null, 5));
attempt('negative seconds', fn () => stream_select($r, $w, $e, -1));
attempt('negative microseconds', fn () => stream_select($r, $w, $e, 0, -1));
fclose($a);
fclose($b);
fclose($d);
