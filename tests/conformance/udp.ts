// Datagrams: socket_sendto / socket_recvfrom over UDP on 127.0.0.1 and ::1
// and over AF_UNIX SOCK_DGRAM, with the address and port they report.
// Twin of udp.php.
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  MSG_DONTWAIT,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_connect,
  socket_create,
  socket_getpeername,
  socket_getsockname,
  socket_last_error,
  socket_read,
  socket_recv,
  socket_recvfrom,
  socket_send,
  socket_sendto,
  socket_write,
  SOL_UDP,
} from "../../mod.ts";
import { attempt, makeTempDir, ref, rel, removeTempDir, section, show } from "./_dump.ts";

function udpCase(family: number, ip: string): void {
  const r = socket_create(family, SOCK_DGRAM, SOL_UDP) as Socket;
  show("bind receiver", socket_bind(r, ip, 0));
  const raddr = ref();
  const rport = ref();
  socket_getsockname(r, raddr, rport);
  const rp = rport.value as number;
  const s = socket_create(family, SOCK_DGRAM, SOL_UDP) as Socket;
  show("bind sender", socket_bind(s, ip));
  const saddr = ref();
  const sport = ref();
  socket_getsockname(s, saddr, sport);
  show("sender port > 0", (sport.value as number) > 0);

  show("sendto", socket_sendto(s, "dgram\0\xff", 7, 0, ip, rp));
  const data = ref();
  const addr = ref();
  const port = ref();
  show("recvfrom", socket_recvfrom(r, data, 100, 0, addr, port));
  show("data", data.value);
  show("address", addr.value);
  show("port is the sender port", port.value === sport.value);

  show("sendto 3 of 6", socket_sendto(s, "abcdef", 3, 0, ip, rp));
  show("sendto 100 of 6", socket_sendto(s, "ghijkl", 100, 0, ip, rp));
  show("sendto empty", socket_sendto(s, "", 0, 0, ip, rp));
  show("recvfrom", socket_recvfrom(r, data, 100, 0, addr, port));
  show("data", data.value);
  show("recvfrom truncates to 2", socket_recvfrom(r, data, 2, 0, addr, port));
  show("data", data.value);
  data.value = "keep";
  show("recvfrom empty datagram", socket_recvfrom(r, data, 100, 0, addr, port));
  show("data", data.value);

  section("  length <= 0 assigns nothing");
  data.value = addr.value = port.value = "keep";
  show("recvfrom length 0", socket_recvfrom(r, data, 0, 0, addr, port));
  show("recvfrom length -3", socket_recvfrom(r, data, -3, 0, addr, port));
  show("values", [data.value, addr.value, port.value]);

  section("  nothing to read with MSG_DONTWAIT");
  show("recvfrom", socket_recvfrom(r, data, 100, MSG_DONTWAIT, addr, port));
  show("values", [data.value, addr.value, port.value]);
  show("socket_last_error($r)", socket_last_error(r));
  socket_clear_error(r);
  socket_clear_error();

  section("  port is required");
  attempt("recvfrom without port", () => socket_recvfrom(r, data, 100, 0, addr));
  attempt("sendto without port", () => socket_sendto(s, "x", 1, 0, ip));
  attempt("sendto port null", () => socket_sendto(s, "x", 1, 0, ip, null));
  attempt("sendto length -1", () => socket_sendto(s, "x", -1, 0, ip, rp));

  section("  connected datagram socket");
  show("connect", socket_connect(s, ip, rp));
  show("write", socket_write(s, "via write"));
  show("send", socket_send(s, "via send", 8, 0));
  show("read", socket_read(r, 100));
  show("recv", socket_recv(r, data, 100, 0));
  show("data", data.value);
  show("socket_getpeername", socket_getpeername(s, addr, port));
  show("peer address", addr.value);
  show("peer port is the receiver port", port.value === rp);
  socket_close(s);
  socket_close(r);
}

section("UDP over IPv4");
udpCase(AF_INET, "127.0.0.1");
section("UDP over IPv6");
udpCase(AF_INET6, "::1");

section("IPv4 datagram to an IPv6 socket (v4-mapped)");
const r6 = socket_create(AF_INET6, SOCK_DGRAM, 0) as Socket;
show("bind \"::ffff:127.0.0.1\"", socket_bind(r6, "::ffff:127.0.0.1", 0));
const a6 = ref();
const p6 = ref();
socket_getsockname(r6, a6, p6);
show("bound address", a6.value);
const s4 = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
show("sendto", socket_sendto(s4, "v4", 2, 0, "127.0.0.1", p6.value as number));
const data = ref();
const addr = ref();
const port = ref();
show("recvfrom", socket_recvfrom(r6, data, 100, 0, addr, port));
show("data", data.value);
show("address", addr.value);
show(
  "sendto \"::ffff:127.0.0.1\"",
  socket_sendto(r6, "back", 4, 0, "::ffff:127.0.0.1", port.value as number),
);
show("recvfrom on v4", socket_recvfrom(s4, data, 100, 0, addr, port));
show("data", data.value);
show("address", addr.value);
show("port is the v6 port", port.value === p6.value);
socket_close(s4);
socket_close(r6);

section("AF_UNIX datagrams");
const dir = makeTempDir();
const rpath = `${dir}/recv.sock`;
const spath = `${dir}/send.sock`;
const r = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("bind receiver", socket_bind(r, rpath));
const s = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("sendto from an unbound socket", socket_sendto(s, "anon", 4, 0, rpath));
data.value = null;
addr.value = null;
port.value = "untouched";
show("recvfrom", socket_recvfrom(r, data, 100, 0, addr, port));
show("data", data.value);
show("address", addr.value);
show("port", port.value);
show("bind sender", socket_bind(s, spath));
show("sendto from a bound socket", socket_sendto(s, "named\n", 6, 0, rpath));
show("recvfrom without port", socket_recvfrom(r, data, 100, 0, addr));
show("data", data.value);
show("address", rel(addr.value, dir));
show("sendto port ignored", socket_sendto(r, "reply", 5, 0, spath, 12345));
show("recvfrom", socket_recvfrom(s, data, 100, 0, addr, port));
show("data", data.value);
show("address", rel(addr.value, dir));
show("port", port.value);
show("sendto a missing path", socket_sendto(s, "x", 1, 0, `${dir}/missing.sock`));
show("socket_last_error($s)", socket_last_error(s));
show("recvfrom MSG_DONTWAIT", socket_recvfrom(r, data, 100, MSG_DONTWAIT, addr));
show("socket_last_error($r)", socket_last_error(r));
socket_close(s);
socket_close(r);
removeTempDir(dir);
