// stream_select: readiness in each set, keys kept, PHP's buffered-data
// shortcut, timeouts and argument errors. Twin of stream_select.php. PHP's
// arrays with string keys are objects here (a list stays a list).
import {
  fclose,
  fgets,
  fwrite,
  type Stream,
  STREAM_OOB,
  STREAM_PF_UNIX,
  stream_select,
  STREAM_SOCK_STREAM,
  stream_socket_accept,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_pair,
  stream_socket_sendto,
  stream_socket_server,
  type StreamSet,
} from "../../mod.ts";
import { attempt, section, show } from "./_dump.ts";

function names(set: StreamSet | null, known: Record<string, Stream>): unknown {
  if (set === null) return null;
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(set)) {
    const found = Object.entries(known).find(([, v]) => v === s);
    out[k] = found ? found[0] : false;
  }
  return out;
}

const [a, b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) as Stream[];
const known = { a, b };

section("readiness");
let r: StreamSet | null = { a, b };
let w: StreamSet | null = null;
let e: StreamSet | null = null;
show("nothing to read, timeout 0", stream_select(r, w, e, 0));
show("read", names(r, known));
fwrite(a, "hello\nworld\n");
r = { a, b };
show("b has data", stream_select(r, w, e, 0));
show("read", names(r, known));
r = { first: b, again: b };
show("the same stream twice counts once", stream_select(r, w, e, 0));
show("read", names(r, known));
r = null;
w = { a, b };
show("both writable", stream_select(r, w, e, 0));
show("write", names(w, known));
r = { a, b };
w = { a };
show("read and write together", stream_select(r, w, e, 0));
show("read", names(r, known));
show("write", names(w, known));

section("buffered data");
show("fgets", fgets(b));
r = { a, b };
w = { a };
e = { b };
show("b has buffered bytes", stream_select(r, w, e, 0));
show("read", names(r, known));
show("write emptied", w);
show("except emptied", e);
show("fgets", fgets(b));

section("timeout");
r = { b };
w = null;
e = null;
const t = performance.now();
show("select 0.1 s", stream_select(r, w, e, 0, 100000));
show("waited", performance.now() - t >= 90);
show("read", r);

section("servers and out-of-band data");
const server = stream_socket_server("tcp://127.0.0.1:0") as Stream;
r = { server };
show("no connection yet", stream_select(r, w, e, 0));
const client = stream_socket_client(`tcp://${stream_socket_get_name(server, false)}`) as Stream;
r = { server };
show("a connection is pending", stream_select(r, w, e, 0, 500000));
show("read", names(r, { server }));
const conn = stream_socket_accept(server) as Stream;
stream_socket_sendto(client, "u", STREAM_OOB);
r = null;
e = { conn };
show("out-of-band data", stream_select(r, w, e, 0, 500000));
show("except", names(e, { conn }));
fclose(conn);
fclose(client);
fclose(server);

section("argument errors");
r = [];
w = null;
e = null;
attempt("no streams", () => stream_select(r, w, e, 0));
r = { x: "not a stream", y: 42 } as never;
attempt("no streams among the values", () => stream_select(r, w, e, 0));
const [c, d] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) as Stream[];
fclose(c);
r = { c };
attempt("a closed stream is skipped", () => stream_select(r, w, e, 0));
r = { b, x: "skipped", c, a } as never;
fwrite(a, "z");
try {
  stream_select(r, w, e, 0);
} catch (t) {
  console.log(`after the sets are rewritten: ${(t as Error).message}`);
}
show("read", names(r, known));
w = { x: 5, b } as never;
r = null;
try {
  stream_select(r, w, e, 0);
} catch (t) {
  console.log(`after the sets are rewritten: ${(t as Error).message}`);
}
show("write", names(w, known));
w = null;
r = { b };
attempt("microseconds with null seconds", () => stream_select(r, w, e, null, 5));
attempt("negative seconds", () => stream_select(r, w, e, -1));
attempt("negative microseconds", () => stream_select(r, w, e, 0, -1));
fclose(a);
fclose(b);
fclose(d);
