// IPv6 ancillary data on ::1: the receiver asks for IPV6_PKTINFO,
// IPV6_TCLASS and IPV6_HOPLIMIT; the sender sets them per message with
// socket_sendmsg. Twin of msg_ipv6.php.
import {
  AF_INET6,
  IPPROTO_IPV6,
  IPV6_HOPLIMIT,
  IPV6_PKTINFO,
  IPV6_RECVHOPLIMIT,
  IPV6_RECVPKTINFO,
  IPV6_RECVTCLASS,
  IPV6_TCLASS,
  type RecvMessage,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_cmsg_space,
  socket_create,
  socket_getsockname,
  socket_recvmsg,
  socket_sendmsg,
  socket_set_option,
  SOL_UDP,
} from "../../mod.ts";
import { ref, section, show } from "./_dump.ts";

function portOf(s: Socket): number {
  const a = ref();
  const p = ref();
  socket_getsockname(s, a, p);
  return p.value as number;
}

const s = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP) as Socket;
show("bind sender", socket_bind(s, "::1", 0));
const sport = portOf(s);
const r = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP) as Socket;
show("bind receiver", socket_bind(r, "::1", 0));
const rport = portOf(r);
socket_set_option(r, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1);
socket_set_option(r, IPPROTO_IPV6, IPV6_RECVTCLASS, 1);

function receive(controllen: number): void {
  const data: RecvMessage = {
    name: { family: AF_INET6, addr: "::1" },
    buffer_size: 2000,
    controllen,
  };
  show("recvmsg", socket_recvmsg(r, data, 0));
  const out: Record<string, unknown> = { ...data };
  if (data.name && data.name.port === sport) out.name = { ...data.name, port: "sender port" };
  for (const [key, value] of Object.entries(out)) show(`  ${key}`, value);
}

const space = socket_cmsg_space(IPPROTO_IPV6, IPV6_PKTINFO)
  + socket_cmsg_space(IPPROTO_IPV6, IPV6_TCLASS);
show("controllen", space);
const to = { addr: "::1", port: rport };

section("tclass 40");
show(
  "sendmsg",
  socket_sendmsg(s, {
    name: to,
    iov: ["test ", "thing", "\n"],
    control: [{ level: IPPROTO_IPV6, type: IPV6_TCLASS, data: 40 }],
  }, 0),
);
receive(space);

section("pktinfo (Windows variant of the test), interface by index");
show(
  "sendmsg",
  socket_sendmsg(s, {
    name: to,
    iov: ["test ", "thing", "\n"],
    control: [{ level: IPPROTO_IPV6, type: IPV6_PKTINFO, data: { addr: "::1", ifindex: 1 } }],
  }, 0),
);
receive(space);

section("pktinfo, interface by name");
show(
  "sendmsg",
  socket_sendmsg(s, {
    name: to,
    iov: ["by name"],
    control: [{ level: IPPROTO_IPV6, type: IPV6_PKTINFO, data: { addr: "::1", ifindex: "lo" } }],
  }, 0),
);
receive(space);

section("hop limit too");
socket_set_option(r, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1);
const space3 = space + socket_cmsg_space(IPPROTO_IPV6, IPV6_HOPLIMIT);
show(
  "sendmsg",
  socket_sendmsg(s, {
    name: to,
    iov: ["three"],
    control: [
      { level: IPPROTO_IPV6, type: IPV6_HOPLIMIT, data: 9 },
      { level: IPPROTO_IPV6, type: IPV6_TCLASS, data: "12" },
    ],
  }, 0),
);
receive(space3);

section("several messages queued");
["one", "two", "three"].forEach((word, i) => {
  socket_sendmsg(s, {
    name: to,
    iov: [word],
    control: [{ level: IPPROTO_IPV6, type: IPV6_TCLASS, data: 4 * (i + 1) }],
  }, 0);
});
for (let i = 0; i < 3; i++) receive(space3);

section("control buffer for the pktinfo only: the rest is cut");
socket_sendmsg(s, { name: to, iov: ["cut"] }, 0);
receive(socket_cmsg_space(IPPROTO_IPV6, IPV6_PKTINFO));
socket_close(s);
socket_close(r);
