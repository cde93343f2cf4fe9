// Sticky IPV6_PKTINFO with socket_set_option. Twin of options_pktinfo.php.
import {
  AF_INET6,
  IPPROTO_IPV6,
  IPV6_PKTINFO,
  SOCK_DGRAM,
  type Socket,
  socket_close,
  socket_create,
  socket_get_option,
  socket_set_option,
} from "../../mod.ts";
import { attempt } from "./_dump.ts";

const s = socket_create(AF_INET6, SOCK_DGRAM, 0) as Socket;
const set = (value: unknown) => socket_set_option(s, IPPROTO_IPV6, IPV6_PKTINFO, value);
attempt("addr and ifindex 0", () => set({ addr: "::1", ifindex: 0 }));
attempt("interface by name", () => set({ addr: "::1", ifindex: "lo" }));
attempt("no ifindex", () => set({ addr: "::1" }));
attempt("no addr", () => set({ ifindex: 1 }));
attempt("not an array", () => set(5));
attempt("unknown interface", () => set({ addr: "::1", ifindex: "nope0" }));
attempt("negative index", () => set({ addr: "::1", ifindex: -1 }));
attempt("get", () => socket_get_option(s, IPPROTO_IPV6, IPV6_PKTINFO));
socket_close(s);
