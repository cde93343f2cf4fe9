// Port of php-src ext/sockets/tests/socket_select_error.phpt.
// Twin of socket_select_error.php.
import {
  AF_UNIX,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create_pair,
  socket_last_error,
  socket_select,
} from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

// deno-lint-ignore no-explicit-any
const select = socket_select as (...a: any[]) => number | false;
class stdClass {}

const pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);

function sel(label: string, r: unknown[] | null, w: unknown[] | null, e: unknown[] | null): void {
  attempt(label, () => select(r, w, e, 1));
}

sel("all three hold a string", ["no resource"], ["no resource"], ["no resource"]);
sel("read holds an int", [1], null, null);
sel("read holds null", [null], null, null);
sel("read holds an array", [[pair[0]]], null, null);
sel("read holds a float", [pair[0], 1.5], null, null);
sel("write holds true", [pair[0]], [true], null);
sel("except holds an object", null, null, [new stdClass()]);
sel("valid read, bad write and except", [pair[0]], ["x"], [2]);
show("socket_last_error()", socket_last_error());
socket_close(pair[0]);
socket_close(pair[1]);
