// The @ operator (withoutWarnings in TypeScript): the warning is not shown,
// but false is returned and the error codes are stored as usual.
// Twin of silence.php.
import {
  AF_INET,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_create_pair,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_write,
  withoutWarnings,
} from "../../mod.ts";
import { attempt, ref, section, show } from "./_dump.ts";

function codes(label: string, s: Socket | null): void {
  console.log(
    `${label}: socket ${s === null ? "-" : socket_last_error(s)}, global ${socket_last_error()}`,
  );
}

const a = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_bind(a, "127.0.0.1", 0);
const addr = ref();
const portRef = ref();
socket_getsockname(a, addr, portRef);
const port = portRef.value as number;

section("silenced");
const c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("connect refused", withoutWarnings(() => socket_connect(c, "127.0.0.1", port)));
codes("codes", c);
const b = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("bind in use", withoutWarnings(() => socket_bind(b, "127.0.0.1", port)));
codes("codes", b);
show("create with protocol 99", withoutWarnings(() => socket_create(AF_INET, SOCK_STREAM, 99)));
codes("codes", null);
const pair: unknown[] = ["keep"];
show(
  "create_pair AF_INET",
  withoutWarnings(() => socket_create_pair(AF_INET, SOCK_STREAM, 0, pair)),
);
show("pair", pair);
codes("codes", null);

section("warnings are back afterwards");
show("connect refused", socket_connect(c, "127.0.0.1", port));

section("exceptions are not silenced");
attempt("bad domain", () => withoutWarnings(() => socket_create(99, SOCK_STREAM, 0)));
attempt("closed socket", () => {
  const d = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
  socket_close(d);
  return withoutWarnings(() => socket_write(d, "x"));
});
show("warnings still shown after an exception", socket_bind(b, "127.0.0.1", port));

section("nested");
show(
  "outer",
  withoutWarnings(() => {
    const inner = withoutWarnings(() => socket_connect(c, "127.0.0.1", port));
    return [inner, socket_connect(c, "127.0.0.1", port)];
  }),
);
show("after nesting", socket_listen(socket_create(AF_INET, SOCK_DGRAM, 0) as Socket));

socket_close(b);
socket_close(c);
socket_close(a);
