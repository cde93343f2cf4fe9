// Port of php-src ext/sockets/tests/socket_export_stream-1.phpt (basic).
// Twin of socket_export_stream-1.php.
import {
  AF_UNIX,
  feof,
  fread,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create_pair,
  socket_export_stream,
  socket_write,
  Stream,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const s: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, s);
const [s0, s1] = s;
const stream = socket_export_stream(s0) as Stream;
show("is a stream", stream instanceof Stream);
socket_write(s1, "test message");
socket_close(s1);
let contents = "";
while (!feof(stream)) contents += fread(stream, 8192);
show("contents", contents);
