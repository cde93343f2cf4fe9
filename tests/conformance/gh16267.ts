// Port of php-src ext/sockets/tests/gh16267.phpt. Twin of gh16267.php
// (PHP_INT_MIN and PHP_INT_MAX are ±2 ** 63 as JS numbers).
import { socket_strerror } from "../../mod.ts";
import { attempt } from "./_dump.ts";

attempt("PHP_INT_MIN", () => socket_strerror(Number(-9223372036854775808n)));
attempt("PHP_INT_MAX", () => socket_strerror(Number(9223372036854775807n)));
attempt("2147483648", () => socket_strerror(2147483648));
attempt("-2147483649", () => socket_strerror(-2147483649));
attempt("2147483647", () => socket_strerror(2147483647));
attempt("-2147483648", () => socket_strerror(-2147483648));
