<?php
// PHP 8.2 ext/sockets running the workloads of bench/api.ts, for comparison.
//   php bench/php/bench.php WORKLOAD=SIZE...   prints one JSON line per workload
// Workloads as in bench/c/bench.c; select_N uses socket_select() (PHP cannot
// select descriptors >= 1024: select_10000 reports n/a), and memory runs
// SIZE operations (memory_stream: socketpair write/read only) and reports
// the RSS before and after.

function fail(string $what): never {
    fwrite(STDERR, "bench.php: $what: " . socket_strerror(socket_last_error()) . "\n");
    exit(1);
}

function rss(): int {
    preg_match('/VmRSS:\s+(\d+) kB/', file_get_contents('/proc/self/status'), $m);
    return (int)$m[1] * 1024;
}

function tcp_listener(int &$port): Socket {
    $l = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) ?: fail('socket_create');
    socket_bind($l, '127.0.0.1', 0) || fail('socket_bind');
    socket_listen($l, 128) || fail('socket_listen');
    socket_getsockname($l, $addr, $port) || fail('socket_getsockname');
    return $l;
}

function tcp_pair(): array {
    $port = 0;
    $l = tcp_listener($port);
    $c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) ?: fail('socket_create');
    socket_connect($c, '127.0.0.1', $port) || fail('socket_connect');
    $s = socket_accept($l) ?: fail('socket_accept');
    socket_close($l);
    return [$c, $s];
}

function unix_pair(): array {
    $pair = [];
    socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair) || fail('socket_create_pair');
    return $pair;
}

function ping_pong(array $p, int $n): void {
    [$a, $b] = $p;
    for ($i = 0; $i < $n; $i++) {
        socket_write($a, "x", 1);
        socket_read($b, 1);
        socket_write($b, "y", 1);
        socket_read($a, 1);
    }
}

function bulk(int $total): void {
    [$a, $b] = unix_pair();
    static $chunk = null;
    $chunk ??= str_repeat("\x07\x9f", 32768);
    for ($done = 0; $done < $total;) {
        $n = socket_write($a, $chunk);
        for ($got = 0; $got < $n;) $got += strlen(socket_read($b, 65536));
        $done += $n;
    }
    socket_close($a);
    socket_close($b);
}

function udp(int $n): void {
    $a = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
    $b = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
    socket_bind($b, '127.0.0.1', 0);
    socket_getsockname($b, $addr, $port);
    $d = str_repeat("u", 64);
    for ($i = 0; $i < $n; $i++) {
        socket_sendto($a, $d, 64, 0, '127.0.0.1', $port) === 64 || fail('socket_sendto');
        socket_recvfrom($b, $buf, 64, 0, $from, $fromPort) === 64 || fail('socket_recvfrom');
    }
    socket_close($a);
    socket_close($b);
}

function churn(int $n): void {
    $port = 0;
    $l = tcp_listener($port);
    for ($i = 0; $i < $n; $i++) {
        $c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
        socket_connect($c, '127.0.0.1', $port) || fail('socket_connect');
        $s = socket_accept($l) ?: fail('socket_accept');
        socket_close($s);
        socket_close($c);
    }
    socket_close($l);
}

// The sockets of the last count asked for (the previous ones are closed, so
// that descriptors stay below 1024 whatever ran before).
function select_n(int $count, int $n): void {
    static $size = 0, $socks = [];
    if ($size !== $count) {
        foreach ($socks as $s) socket_close($s);
        $socks = [];
        for ($i = 0; $i < $count / 2; $i++) array_push($socks, ...unix_pair());
        socket_write($socks[intdiv($count, 4) * 2], "x", 1);
        $size = $count;
    }
    for ($i = 0; $i < $n; $i++) {
        $read = $socks;
        $write = $except = null;
        if (socket_select($read, $write, $except, 0) !== 1) fail('socket_select');
    }
}

function calls(bool $eagain, int $n): void {
    [$a, $b] = unix_pair();
    if ($eagain) {
        for ($i = 0; $i < $n; $i++) socket_recv($b, $buf, 1, MSG_DONTWAIT);
    } else {
        for ($i = 0; $i < $n; $i++) socket_send($a, "", 0, 0);
    }
    socket_close($a);
    socket_close($b);
}

// A million operations: per iteration a write/read on a socketpair and a UDP sendto/recvfrom.
function memory(int $n): void {
    [$p, $q] = unix_pair();
    $a = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
    $b = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
    socket_bind($b, '127.0.0.1', 0);
    socket_getsockname($b, $addr, $port);
    $d = str_repeat("u", 64);
    for ($i = 0; $i < $n / 4; $i++) {
        socket_write($p, "m", 1);
        socket_read($q, 1);
        socket_sendto($a, $d, 64, 0, '127.0.0.1', $port);
        socket_recvfrom($b, $buf, 64, 0, $from, $fromPort);
    }
    foreach ([$p, $q, $a, $b] as $s) socket_close($s);
}

function run(string $w, int $n): void {
    static $tcp = null;
    match (true) {
        $w === 'pp_unix' => ping_pong(unix_pair(), $n),
        $w === 'pp_tcp' => ping_pong($tcp ??= tcp_pair(), $n),
        $w === 'bulk', $w === 'bulk_copy' => bulk($n), // socket_read copies every read too
        $w === 'udp' => udp($n),
        $w === 'churn' => churn($n),
        str_starts_with($w, 'select_') => select_n((int)substr($w, 7), $n),
        $w === 'call_send' => calls(false, $n),
        $w === 'call_eagain' => calls(true, $n),
        $w === 'memory' => memory($n),
        $w === 'memory_stream' => ping_pong(unix_pair(), intdiv($n, 4)),
        default => fail("unknown workload $w"),
    };
}

foreach (array_slice($argv, 1) as $arg) {
    [$w, $size] = explode('=', $arg);
    $n = (int)$size;
    if ($w === 'select_10000' || str_starts_with($w, 'sys_')) {
        $why = $w === 'select_10000' ? "n/a (FD_SETSIZE)" : 'n/a';
        echo json_encode(['workload' => $w, 'na' => $why], JSON_UNESCAPED_SLASHES), "\n";
        continue;
    }
    if (str_starts_with($w, 'memory')) {
        run($w, $n);
        $before = rss();
        $t = hrtime(true);
        run($w, $n);
        $s = (hrtime(true) - $t) / 1e9;
        $out = ['workload' => $w, 'ops' => $n, 'seconds' => $s, 'rss_before' => $before, 'rss_after' => rss()];
        echo json_encode($out, JSON_UNESCAPED_SLASHES), "\n";
        continue;
    }
    // A warm-up batch, then ten timed batches of a tenth each: the fastest is
    // reported, as every runner does (see bench/_measure.ts).
    $batch = max(1, intdiv($n, 10));
    run($w, $batch);
    $best = INF;
    for ($b = 0; $b < 10; $b++) {
        $t = hrtime(true);
        run($w, $batch);
        $best = min($best, (hrtime(true) - $t) / 1e9);
    }
    $out = ['workload' => $w, 'ops' => $batch, 'seconds' => $best, 'batches' => 10];
    echo json_encode($out, JSON_UNESCAPED_SLASHES), "\n";
}
