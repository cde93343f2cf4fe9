// Port of php-src ext/sockets/tests/socket_create_listen_invalid_port.phpt
// (PHP 8.5). Twin of socket_create_listen_invalid_port.php, whose expected
// output is written by hand.
import { socket_create_listen, socket_last_error } from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

attempt("socket_create_listen(-1)", () => socket_create_listen(-1));
attempt("socket_create_listen(65536)", () => socket_create_listen(65536));
attempt("socket_create_listen(65536 + 80, 5)", () => socket_create_listen(65536 + 80, 5));
show("socket_last_error()", socket_last_error());
