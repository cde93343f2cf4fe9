// Port of php-src ext/sockets/tests/socket_recvmsg.phpt. Twin of
// socket_recvmsg.php.
import {
  AF_INET6,
  IPPROTO_IPV6,
  IPV6_PKTINFO,
  IPV6_RECVPKTINFO,
  type RecvMessage,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_cmsg_space,
  socket_create,
  socket_getsockname,
  socket_recvmsg,
  socket_sendto,
  socket_set_nonblock,
  socket_set_option,
  SOL_UDP,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const a = ref();
const sport = ref();
const rport = ref();
const send = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP) as Socket;
show("bind sender", socket_bind(send, "::1", 0));
socket_getsockname(send, a, sport);
show("nonblock", socket_set_nonblock(send));
const s = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP) as Socket;
show("bind receiver", socket_bind(s, "::1", 0));
socket_getsockname(s, a, rport);
show("RECVPKTINFO", socket_set_option(s, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1));
const m = "testing packet";
show("sendto", socket_sendto(send, m, m.length, 0, "::1", rport.value));
const data: RecvMessage = {
  name: { family: AF_INET6, addr: "::1" },
  buffer_size: 2000,
  controllen: socket_cmsg_space(IPPROTO_IPV6, IPV6_PKTINFO) as number,
};
show("recvmsg", socket_recvmsg(s, data, 0));
show("keys", Object.keys(data));
// deno-lint-ignore no-explicit-any
const d = data as any;
show("name family", d.name.family === AF_INET6);
show("name addr", d.name.addr);
show("name port is the sender port", d.name.port === sport.value);
show("name flowinfo", d.name.flowinfo);
show("name scope_id", d.name.scope_id);
show("control count", d.control.length);
const c = d.control[0];
show("level", c.level === IPPROTO_IPV6);
show("type", c.type === IPV6_PKTINFO);
show("data addr", c.data.addr);
show("data ifindex > 0", c.data.ifindex > 0);
show("iov", d.iov);
show("flags", d.flags);
