// socket_sendmsg: argument checks, PHP's conversion of the message array
// (name, iov, control) with its "error converting user data" warnings, and
// what arrives. Twin of msg_send.php.
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  IPPROTO_IPV6,
  IPV6_HOPLIMIT,
  IPV6_PKTINFO,
  MSG_DONTWAIT,
  SCM_CREDENTIALS,
  SCM_RIGHTS,
  type SendMessage,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_recvfrom,
  socket_sendmsg,
  SOL_SOCKET,
} from "../../mod.ts";
import { attempt, makeTempDir, ref, removeTempDir, section, show } from "./_dump.ts";

/** A message as PHP would accept it, malformed ones included. */
const m = (message: unknown): SendMessage => message as SendMessage;
// deno-lint-ignore no-explicit-any
const sendmsg = socket_sendmsg as (...args: any[]) => unknown;

const r = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
socket_bind(r, "127.0.0.1", 0);
const raddr = ref();
const rportRef = ref();
socket_getsockname(r, raddr, rportRef);
const rport = rportRef.value as number;
const s = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
const to = { addr: "127.0.0.1", port: rport };

function received(from: Socket): void {
  const data = ref(null);
  const addr = ref(null);
  const port = ref(null);
  show("  received", socket_recvfrom(from, data, 1000, MSG_DONTWAIT, addr, port));
  show("  data", data.value);
}

section("arguments");
attempt("flags 2**31", () => socket_sendmsg(s, {}, 2147483648));
attempt("flags -2**31-1", () => socket_sendmsg(s, {}, -2147483649));
attempt("message string", () => socket_sendmsg(s, m("x")));
attempt("message null", () => socket_sendmsg(s, m(null)));
attempt("one argument", () => sendmsg(s));
attempt("four arguments", () => sendmsg(s, {}, 0, 0));
attempt("socket string", () => sendmsg("x", {}));
attempt("empty message, unconnected", () => socket_sendmsg(s, {}));
show("socket_last_error($s)", socket_last_error(s));
show("socket_last_error()", socket_last_error());
socket_clear_error(s);
socket_clear_error();

section("name");
attempt("name int", () => socket_sendmsg(s, m({ name: 1 })));
attempt("family string", () => socket_sendmsg(s, m({ name: { family: "x" } })));
attempt("family 99", () => socket_sendmsg(s, { name: { family: 99 } }));
attempt("family AF_INET6", () => socket_sendmsg(s, { name: { family: AF_INET6 } }));
attempt("family AF_UNIX", () => socket_sendmsg(s, { name: { family: AF_UNIX } }));
attempt("family 2**31", () => socket_sendmsg(s, { name: { family: 2147483648 } }));
attempt("family true", () => socket_sendmsg(s, m({ name: { family: true } })));
attempt(
  "family \"2\"",
  () => socket_sendmsg(s, m({ name: { family: "2", ...to }, iov: ["family \"2\""] })),
);
received(r);
attempt(
  "family null",
  () => socket_sendmsg(s, { name: { family: null, ...to }, iov: ["family null"] }),
);
received(r);
attempt("port 65536", () => socket_sendmsg(s, { name: { addr: "127.0.0.1", port: 65536 } }));
attempt("port -1", () => socket_sendmsg(s, { name: { addr: "127.0.0.1", port: -1 } }));
attempt("port \"abc\"", () => socket_sendmsg(s, m({ name: { addr: "127.0.0.1", port: "abc" } })));
attempt("port \"0x10\"", () => socket_sendmsg(s, m({ name: { addr: "127.0.0.1", port: "0x10" } })));
attempt("port \"\"", () => socket_sendmsg(s, m({ name: { addr: "127.0.0.1", port: "" } })));
attempt("port []", () => socket_sendmsg(s, m({ name: { addr: "127.0.0.1", port: [] } })));
attempt("port null", () => socket_sendmsg(s, m({ name: { addr: "127.0.0.1", port: null } })));
attempt("port false", () => socket_sendmsg(s, m({ name: { addr: "127.0.0.1", port: false } })));
attempt("port Socket", () => socket_sendmsg(s, m({ name: { addr: "127.0.0.1", port: s } })));
attempt(
  "port \" P \"",
  () => socket_sendmsg(s, m({ name: { addr: "127.0.0.1", port: ` ${rport} ` }, iov: ["spaces"] })),
);
received(r);
attempt(
  "port P.9",
  () => socket_sendmsg(s, { name: { addr: "127.0.0.1", port: rport + 0.9 }, iov: ["float"] }),
);
received(r);
attempt(
  "port \"P.5e0\"",
  () =>
    socket_sendmsg(s, m({ name: { addr: "127.0.0.1", port: `${rport}.5e0` }, iov: ["numeric"] })),
);
received(r);
attempt(
  "addr 2130706433 (127.0.0.1)",
  () => socket_sendmsg(s, m({ name: { addr: 2130706433, port: rport }, iov: ["addr int"] })),
);
received(r);
attempt("no port", () => socket_sendmsg(s, { name: { addr: "127.0.0.1" }, iov: ["x"] }));
attempt(
  "unknown keys ignored",
  () => socket_sendmsg(s, m({ name: { ...to, path: "x" }, iov: ["ok"], x: 1 })),
);
received(r);

section("iov");
attempt("iov string", () => socket_sendmsg(s, m({ name: to, iov: "x" })));
attempt(
  "iov scalars",
  () =>
    socket_sendmsg(
      s,
      m({
        name: to,
        iov: [
          1,
          4.5,
          true,
          false,
          null,
          "z",
          1e20,
          0.00001,
          -0.0,
          1.5e-7,
          0.1 + 0.2,
          100000.0,
          -2.5,
        ],
      }),
    ),
);
received(r);
attempt("iov array element", () => socket_sendmsg(s, m({ name: to, iov: ["a", [1], "b"] })));
received(r);
// An object in iov: PHP sends the message with "" in its place and then
// throws; the module throws before sending (see socket_sendmsg's docs).
attempt("iov keyed", () => socket_sendmsg(s, m({ name: to, iov: { x: "K1", y: "K2" } })));
received(r);
attempt("iov empty", () => socket_sendmsg(s, { name: to, iov: [] }));
received(r);
attempt("iov binary", () => socket_sendmsg(s, { name: to, iov: ["\0\xff", "\x80"] }));
received(r);

section("control");
const ctl = (...control: unknown[]): unknown => socket_sendmsg(s, m({ control }));
const hop = (data: unknown) => ({ level: IPPROTO_IPV6, type: IPV6_HOPLIMIT, data });
const rights = (data?: unknown) =>
  data === undefined
    ? { level: SOL_SOCKET, type: SCM_RIGHTS }
    : { level: SOL_SOCKET, type: SCM_RIGHTS, data };
const pktinfo = (data: unknown) => ({ level: IPPROTO_IPV6, type: IPV6_PKTINFO, data });
const creds = (data: unknown) => ({ level: SOL_SOCKET, type: SCM_CREDENTIALS, data });
attempt("control string", () => socket_sendmsg(s, m({ control: 1 })));
attempt("element int", () => ctl(1));
attempt("unknown pair", () => ctl({ level: 1, type: 99 }));
attempt("level string", () => ctl({ level: "x", type: 99 }));
attempt("type string", () => ctl({ level: 1, type: "y" }));
attempt("rights without data", () => ctl(rights()));
attempt("rights data int", () => ctl(rights(1)));
attempt("rights data empty", () => ctl(rights([])));
attempt("rights data int element", () => ctl(rights([s, 1])));
const c = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
socket_close(c);
attempt("rights closed socket", () => ctl(rights([s, s, c])));
attempt("second element bad", () => ctl(hop(1), hop("x")));
attempt("keyed elements", () => socket_sendmsg(s, m({ control: { a: hop(1), b: hop([]) } })));
attempt("hoplimit 2**31", () => ctl(hop(2147483648)));
attempt("hoplimit \"1e19\"", () => ctl(hop("1e19")));
attempt("pktinfo []", () => ctl(pktinfo([])));
attempt("pktinfo int", () => ctl(pktinfo(5)));
attempt("pktinfo no ifindex", () => ctl(pktinfo({ addr: "::1" })));
attempt("pktinfo ifindex -1", () => ctl(pktinfo({ addr: "::1", ifindex: -1 })));
attempt("pktinfo ifindex 2**32", () => ctl(pktinfo({ addr: "::1", ifindex: 4294967296 })));
attempt("pktinfo ifindex name", () => ctl(pktinfo({ addr: "::1", ifindex: "nosuchif0" })));
attempt("pktinfo ifindex 1.5", () => ctl(pktinfo({ addr: "::1", ifindex: 1.5 })));
attempt("credentials pid only", () => ctl(creds({ pid: 1 })));
attempt("credentials pid -1", () => ctl(creds({ pid: -1, uid: 0, gid: 0 })));
attempt("credentials pid 2**31", () => ctl(creds({ pid: 2147483648, uid: 0, gid: 0 })));
attempt("credentials uid -1", () => ctl(creds({ pid: 1, uid: -1, gid: 0 })));
attempt("credentials gid 2**32", () => ctl(creds({ pid: 1, uid: 0, gid: 4294967296 })));
attempt(
  "hoplimit on IPv4 (kernel)",
  () => socket_sendmsg(s, { name: to, iov: ["x"], control: [hop(1)] }),
);
show("socket_last_error($s)", socket_last_error(s));
received(r);

section("AF_UNIX names");
const dir = makeTempDir();
const u = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
socket_bind(u, `${dir}/r.sock`);
const v = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
attempt("path empty", () => socket_sendmsg(v, { name: { path: "" } }));
attempt("path 108 bytes", () => socket_sendmsg(v, { name: { path: "a".repeat(108) } }));
attempt("path 107 bytes (missing)", () => socket_sendmsg(v, { name: { path: "a".repeat(107) } }));
attempt("family AF_INET", () => socket_sendmsg(v, { name: { family: AF_INET } }));
attempt("no path: empty abstract name", () => socket_sendmsg(v, { name: {} }));
attempt(
  "path with NUL: cut there",
  () => socket_sendmsg(v, { name: { path: `${dir}/r.sock\0tail` }, iov: ["cut"] }),
);
const data = ref(null);
const from = ref(null);
show("  received", socket_recvfrom(u, data, 100, MSG_DONTWAIT, from));
show("  data", data.value);
attempt("path int", () => socket_sendmsg(v, m({ name: { path: 5 } })));
socket_close(u);
socket_close(v);
removeTempDir(dir);

section("AF_INET6 names");
const r6 = socket_create(AF_INET6, SOCK_DGRAM, 0) as Socket;
socket_bind(r6, "::1", 0);
const a6 = ref();
const p6Ref = ref();
socket_getsockname(r6, a6, p6Ref);
const p6 = p6Ref.value as number;
const s6 = socket_create(AF_INET6, SOCK_DGRAM, 0) as Socket;
attempt("flowinfo -1", () => socket_sendmsg(s6, { name: { addr: "::1", port: p6, flowinfo: -1 } }));
attempt(
  "scope_id 2**32",
  () => socket_sendmsg(s6, { name: { addr: "::1", port: p6, scope_id: 4294967296 } }),
);
attempt(
  "v6 ok",
  () =>
    socket_sendmsg(s6, { name: { addr: "::1", port: p6, flowinfo: 0, scope_id: 0 }, iov: ["six"] }),
);
attempt(
  "AF_INET on a v6 socket",
  () => socket_sendmsg(s6, { name: { family: AF_INET, addr: "127.0.0.1", port: 9 } }),
);
const port6 = ref(null);
data.value = null;
from.value = null;
show("  received", socket_recvfrom(r6, data, 100, MSG_DONTWAIT, from, port6));
show("  data", data.value);
socket_close(r6);
socket_close(s6);

socket_close(s);
attempt("closed", () => socket_sendmsg(s, {}));
attempt("closed, flags out of range first", () => socket_sendmsg(s, {}, 2147483648));
