<?php
// Shared printing helpers for the conformance scripts. The TypeScript twin of
// this file is _dump.ts; both must render every value identically.

set_error_handler(function (int $no, string $str): bool {
    if (!(error_reporting() & $no)) {
        return true; // silenced with @ (the TypeScript side: withoutWarnings)
    }
    $names = [E_WARNING => 'Warning', E_NOTICE => 'Notice', E_DEPRECATED => 'Deprecated'];
    echo ($names[$no] ?? "Error($no)"), ": ", $str, "\n";
    return true;
});

/** Canonical rendering: false, true, null, ints, "strings" with \xHH escapes, [k => v], class names. */
function render(mixed $v): string
{
    if ($v === null) {
        return 'null';
    }
    if ($v === true) {
        return 'true';
    }
    if ($v === false) {
        return 'false';
    }
    if (is_int($v)) {
        return (string) $v;
    }
    if (is_float($v)) {
        return 'float(' . $v . ')';
    }
    if (is_string($v)) {
        $out = '"';
        $n = strlen($v);
        for ($i = 0; $i < $n; $i++) {
            $c = ord($v[$i]);
            if ($c >= 0x20 && $c <= 0x7e && $c !== 0x22 && $c !== 0x5c) {
                $out .= $v[$i];
            } else {
                $out .= sprintf('\\x%02x', $c);
            }
        }
        return $out . '"';
    }
    if (is_array($v)) {
        $parts = [];
        foreach ($v as $k => $item) {
            $parts[] = render($k) . ' => ' . render($item);
        }
        return '[' . implode(', ', $parts) . ']';
    }
    if (is_object($v)) {
        return get_class($v);
    }
    return gettype($v);
}

function show(string $label, mixed $value): void
{
    echo $label, ': ', render($value), "\n";
}

function section(string $title): void
{
    echo '== ', $title, "\n";
}

/** Runs $fn and prints its result, or the class and message of what it threw. */
function attempt(string $label, callable $fn): mixed
{
    try {
        $r = $fn();
        echo $label, ': ', render($r), "\n";
        return $r;
    } catch (Throwable $e) {
        echo $label, ': threw ', get_class($e), ': ', $e->getMessage(), "\n";
        return null;
    }
}

/** Like attempt() for functions without a useful result (PHP void): prints "ok". */
function run(string $label, callable $fn): void
{
    try {
        $fn();
        echo $label, ": ok\n";
    } catch (Throwable $e) {
        echo $label, ': threw ', get_class($e), ': ', $e->getMessage(), "\n";
    }
}

/** Length and a position-weighted byte sum, computed identically by _dump.ts. */
function checksum(string $s): string
{
    $sum = 0;
    $n = strlen($s);
    for ($i = 0; $i < $n; $i++) {
        $sum = ($sum + ord($s[$i]) * (($i % 65521) + 1)) % 1000000007;
    }
    return "len=$n sum=$sum";
}

/** A fresh, empty temporary directory for Unix socket paths. */
function make_temp_dir(): string
{
    $dir = sys_get_temp_dir() . '/phpconf_' . bin2hex(random_bytes(6));
    mkdir($dir, 0700);
    return $dir;
}

function remove_temp_dir(string $dir): void
{
    foreach (scandir($dir) as $f) {
        if ($f !== '.' && $f !== '..') {
            unlink("$dir/$f");
        }
    }
    rmdir($dir);
}

/** Replaces the temporary directory in a path with "DIR", so outputs compare equal. */
function rel(mixed $path, string $dir): mixed
{
    return is_string($path) ? str_replace($dir, 'DIR', $path) : $path;
}

/** All 256 byte values in order. */
function all_bytes(): string
{
    $s = '';
    for ($i = 0; $i < 256; $i++) {
        $s .= chr($i);
    }
    return $s;
}
