// The PHP manual's socket_select() examples. Twin of manual_socket_select.php
// (the manual's undefined $r and $w are null here).
import {
  AF_UNIX,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create_pair,
  socket_last_error,
  socket_select,
  socket_strerror,
  socket_write,
  ValueError,
} from "../../mod.ts";
import { section } from "./_dump.ts";

const pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
const [socket1, socket2] = pair;
const r = null;
const w = null;

section("Example #1");
try {
  const e = null;
  socket_select(r, w, e, 0);
} catch (ex) {
  if (!(ex instanceof ValueError)) throw ex;
  console.log(`${ex.constructor.name}: ${ex.message}`);
}

section("Example #2");
try {
  const e = null;
  if (false === socket_select(r, w, e, 0)) {
    console.log("socket_select() failed, reason: " + socket_strerror(socket_last_error()));
  }
} catch (ex) {
  if (!(ex instanceof ValueError)) throw ex;
  console.log(`${ex.constructor.name}: ${ex.message}`);
}

section("Example #3");
function example3(socket1: Socket, socket2: Socket): void {
  /* Prepare the read array */
  const read = [socket1, socket2];
  const write = null;
  const except = null;
  const numChangedSockets = socket_select(read, write, except, 0);

  if (numChangedSockets === false) {
    /* Error handling */
    console.log(`error: ${socket_strerror(socket_last_error())}`);
  } else if (numChangedSockets > 0) {
    /* At least at one of the sockets something interesting happened */
    console.log(`${numChangedSockets} changed: ${read.length} readable`);
  } else {
    console.log("nothing changed");
  }
}
example3(socket1, socket2);
socket_write(socket2, "hello");
example3(socket1, socket2);
socket_close(socket1);
example3(socket2, socket2);
