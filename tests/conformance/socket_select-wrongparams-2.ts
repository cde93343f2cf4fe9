// Port of php-src ext/sockets/tests/socket_select-wrongparams-2.phpt.
// Twin of socket_select-wrongparams-2.php.
import { socket_last_error, socket_select } from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

const time = 0;
attempt("three nulls", () => socket_select(null, null, null, time));
attempt("three nulls, no timeout", () => socket_select(null, null, null, null));
attempt("an empty array and two nulls", () => socket_select([], null, null, time));
attempt("three empty arrays", () => socket_select([], [], [], time));
show("socket_last_error()", socket_last_error());
