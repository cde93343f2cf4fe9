// Multicast options on the loopback interface only (no packet leaves the
// host). Twin of options_multicast.php.
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  IP_MULTICAST_IF,
  IP_MULTICAST_LOOP,
  IP_MULTICAST_TTL,
  IPPROTO_IP,
  IPPROTO_IPV6,
  IPV6_MULTICAST_HOPS,
  IPV6_MULTICAST_IF,
  IPV6_MULTICAST_LOOP,
  IPV6_PKTINFO,
  IPV6_RECVHOPLIMIT,
  IPV6_RECVPKTINFO,
  IPV6_RECVTCLASS,
  IPV6_TCLASS,
  IPV6_UNICAST_HOPS,
  IPV6_V6ONLY,
  MCAST_BLOCK_SOURCE,
  MCAST_JOIN_GROUP,
  MCAST_JOIN_SOURCE_GROUP,
  MCAST_LEAVE_GROUP,
  MCAST_LEAVE_SOURCE_GROUP,
  MCAST_UNBLOCK_SOURCE,
  SOCK_DGRAM,
  type Socket,
  socket_close,
  socket_create,
  socket_get_option,
  socket_last_error,
  socket_set_option,
} from "../../mod.ts";
import { attempt, section, show } from "./_dump.ts";

class stdClass {}

const lo = "lo";
const s = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;

section("IP_MULTICAST_IF");
show("default", socket_get_option(s, IPPROTO_IP, IP_MULTICAST_IF));
attempt("set lo by index", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_IF, 1));
show("get", socket_get_option(s, IPPROTO_IP, IP_MULTICAST_IF));
attempt("set 0 (any)", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_IF, 0));
show("get", socket_get_option(s, IPPROTO_IP, IP_MULTICAST_IF));
attempt("set lo by name", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_IF, lo));
show("get", socket_get_option(s, IPPROTO_IP, IP_MULTICAST_IF));
attempt("unknown index", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_IF, 99999));
attempt("unknown name", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_IF, "nope0"));
attempt("numeric string is a name", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_IF, "1"));
attempt("true is a name", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_IF, true));
attempt("negative index", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_IF, -1));
attempt("index too large", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_IF, 4294967296));

section("IP_MULTICAST_TTL / IP_MULTICAST_LOOP");
attempt("ttl \"254\"", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_TTL, "254"));
show("ttl", socket_get_option(s, IPPROTO_IP, IP_MULTICAST_TTL));
attempt("ttl 256", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_TTL, 256));
attempt("ttl -1", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_TTL, -1));
attempt("loop 0", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_LOOP, 0));
show("loop", socket_get_option(s, IPPROTO_IP, IP_MULTICAST_LOOP));
attempt("loop 256 (true)", () => socket_set_option(s, IPPROTO_IP, IP_MULTICAST_LOOP, 256));
show("loop", socket_get_option(s, IPPROTO_IP, IP_MULTICAST_LOOP));

section("MCAST_* on IPv4");
const g = { group: "224.0.0.251", interface: 1 };
attempt("join", () => socket_set_option(s, IPPROTO_IP, MCAST_JOIN_GROUP, g));
attempt("join again", () => socket_set_option(s, IPPROTO_IP, MCAST_JOIN_GROUP, g));
show("last error", socket_last_error(s));
attempt("leave", () => socket_set_option(s, IPPROTO_IP, MCAST_LEAVE_GROUP, g));
attempt("leave again", () => socket_set_option(s, IPPROTO_IP, MCAST_LEAVE_GROUP, g));
attempt(
  "join by interface name",
  () => socket_set_option(s, IPPROTO_IP, MCAST_JOIN_GROUP, { group: "224.0.0.252", interface: lo }),
);
const src = { group: "232.1.1.1", interface: 1, source: "127.0.0.1" };
attempt("join source group", () => socket_set_option(s, IPPROTO_IP, MCAST_JOIN_SOURCE_GROUP, src));
attempt(
  "leave source group",
  () => socket_set_option(s, IPPROTO_IP, MCAST_LEAVE_SOURCE_GROUP, src),
);
attempt(
  "block source",
  () =>
    socket_set_option(s, IPPROTO_IP, MCAST_BLOCK_SOURCE, {
      group: "224.0.0.252",
      interface: 1,
      source: "127.0.0.2",
    }),
);
attempt(
  "unblock source",
  () =>
    socket_set_option(s, IPPROTO_IP, MCAST_UNBLOCK_SOURCE, {
      group: "224.0.0.252",
      interface: 1,
      source: "127.0.0.2",
    }),
);
attempt("no group", () => socket_set_option(s, IPPROTO_IP, MCAST_JOIN_GROUP, { interface: 1 }));
attempt(
  "no source",
  () => socket_set_option(s, IPPROTO_IP, MCAST_BLOCK_SOURCE, { group: "224.0.0.251" }),
);
attempt("scalar", () => socket_set_option(s, IPPROTO_IP, MCAST_JOIN_GROUP, 5));
attempt("object", () => socket_set_option(s, IPPROTO_IP, MCAST_JOIN_GROUP, new stdClass()));
attempt(
  "unknown interface",
  () =>
    socket_set_option(s, IPPROTO_IP, MCAST_JOIN_GROUP, { group: "224.0.0.1", interface: "nope0" }),
);
attempt(
  "interface out of range",
  () =>
    socket_set_option(s, IPPROTO_IP, MCAST_JOIN_GROUP, {
      group: "224.0.0.1",
      interface: 5000000000,
    }),
);
const u = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
attempt(
  "on an AF_UNIX socket",
  () => socket_set_option(u, IPPROTO_IP, MCAST_JOIN_GROUP, { group: "224.0.0.1" }),
);
socket_close(u);
socket_close(s);

section("IPv6");
const s6 = socket_create(AF_INET6, SOCK_DGRAM, 0) as Socket;
attempt(
  "join ff02::fb on lo",
  () => socket_set_option(s6, IPPROTO_IPV6, MCAST_JOIN_GROUP, { group: "ff02::fb", interface: lo }),
);
attempt(
  "leave",
  () => socket_set_option(s6, IPPROTO_IPV6, MCAST_LEAVE_GROUP, { group: "ff02::fb", interface: 1 }),
);
attempt("IPV6_MULTICAST_IF lo", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_IF, lo));
show("IPV6_MULTICAST_IF", socket_get_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_IF));
attempt(
  "IPV6_MULTICAST_IF unknown",
  () => socket_set_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_IF, "nope0"),
);
show("hops default", socket_get_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS));
attempt("hops 256", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, 256));
attempt("hops -2", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, -2));
attempt("hops 7", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, 7));
show("hops", socket_get_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS));
attempt("hops -1 (default)", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, -1));
show("hops", socket_get_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS));
attempt("loop \"0\"", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, "0"));
show("loop", socket_get_option(s6, IPPROTO_IPV6, IPV6_MULTICAST_LOOP));
attempt("v6only", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_V6ONLY, 1));
show("v6only", socket_get_option(s6, IPPROTO_IPV6, IPV6_V6ONLY));
attempt("unicast hops 9", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 9));
show("unicast hops", socket_get_option(s6, IPPROTO_IPV6, IPV6_UNICAST_HOPS));
attempt("recvpktinfo", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1));
show("recvpktinfo", socket_get_option(s6, IPPROTO_IPV6, IPV6_RECVPKTINFO));
attempt("recvtclass", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_RECVTCLASS, 1));
show("recvtclass", socket_get_option(s6, IPPROTO_IPV6, IPV6_RECVTCLASS));
attempt("recvhoplimit", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1));
show("recvhoplimit", socket_get_option(s6, IPPROTO_IPV6, IPV6_RECVHOPLIMIT));
attempt("tclass 32", () => socket_set_option(s6, IPPROTO_IPV6, IPV6_TCLASS, 32));
show("tclass", socket_get_option(s6, IPPROTO_IPV6, IPV6_TCLASS));
attempt("get IPV6_PKTINFO", () => socket_get_option(s6, IPPROTO_IPV6, IPV6_PKTINFO));
socket_close(s6);
