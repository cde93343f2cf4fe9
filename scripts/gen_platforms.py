#!/usr/bin/env python3
"""Writes platform/darwin.ts, platform/freebsd.ts and platform/windows.ts:
the platform descriptors (pure data) from the recorded platform facts.

Run from the repository root with ../shared beside it, then format:
    python3 scripts/gen_platforms.py && node_modules/.bin/dprint fmt

The tables (php, native, structs, cmsg) are copied from the facts as they
are; tests/platform_test.ts compares them value by value, so an edit by hand
would fail there. What is not in the facts (library names, the error-code
accessor, the rules of the descriptor's last block) is written below, one
entry per OS, with the reason next to it."""
import json
import re

FACTS = "../shared/platform-facts/"
constants = json.load(open(FACTS + "constants.json"))
native = json.load(open(FACTS + "native-constants.json"))
structs = json.load(open(FACTS + "structs.json"))

# What each descriptor says beyond the facts.
TARGETS = {
    "darwin": {
        "facts": "darwin",
        "name": "darwin",
        "doc": [
            "macOS (x86_64 and arm64, which agree on every value here): PHP's",
            "constants, the OS constants the implementation needs, and struct layouts.",
            "",
            "Values are those of the macOS 13 SDK as recorded in the project's",
            "platform facts. BSD traits: sockaddrs start with a length byte, errno is",
            "reached through `__error()`, `addrinfo` has `ai_canonname` before",
            "`ai_addr`, control messages are aligned to 4 bytes (data at offset 12),",
            "SIGPIPE is suppressed per socket with `SO_NOSIGPIPE`. On arm64, variadic",
            "arguments travel on the stack (Apple's arm64 ABI), which matters for",
            "`fcntl()`.",
        ],
        "libraries": ["/usr/lib/libSystem.B.dylib", "libSystem.B.dylib"],
        "errnoSymbol": "__error",
        "hErrnoSymbol": None,
        "noSigpipe": "SO_NOSIGPIPE",
        "variadicOnStack": ["aarch64"],
        "socketTimeout": "timeval",
        "hostErrors": "h_errno",
        "listenAddress": [0, 0, 0, 0],
        "fdSetIsList": False,
    },
    "freebsd": {
        "facts": "freebsd",
        "name": "freebsd",
        "doc": [
            "FreeBSD (amd64, FreeBSD 14 baseline): PHP's constants, the OS constants",
            "the implementation needs, and struct layouts.",
            "",
            "Values are those recorded in the project's platform facts (from",
            "rust-lang/libc and golang/sys, which agree). BSD traits: sockaddrs start",
            "with a length byte, errno is reached through `__error()` and h_errno",
            "through `__h_errno()`, `addrinfo` has `ai_canonname` before `ai_addr`,",
            "SIGPIPE is suppressed per socket with `SO_NOSIGPIPE`. Control messages",
            "have a 12-byte header but 8-byte alignment (data at offset 16).",
        ],
        "libraries": ["libc.so.7"],
        "errnoSymbol": "__error",
        "hErrnoSymbol": "__h_errno",
        "noSigpipe": "SO_NOSIGPIPE",
        "variadicOnStack": [],
        "socketTimeout": "timeval",
        "hostErrors": "h_errno",
        "listenAddress": [0, 0, 0, 0],
        "fdSetIsList": False,
    },
    "windows": {
        "facts": "windows",
        "name": "windows",
        "doc": [
            "Windows x64 (Winsock 2): PHP's constants as PHP for Windows registers",
            "them, the OS constants the implementation needs, and struct layouts.",
            "",
            "Values are those of the Windows SDK as recorded in the project's",
            "platform facts. Winsock traits: `SOCKET` handles are pointer-sized,",
            "errors come from `WSAGetLastError()` (PHP's `SOCKET_E*` constants carry",
            "the WSA codes; `native.E*` are the C runtime's unrelated errno values),",
            "`WSABUF` has its length before its pointer, `fd_set` is a counted list,",
            "`linger` is two 16-bit fields, `SO_RCVTIMEO` is a DWORD of milliseconds,",
            "`AF_INET6` is 23. The `msghdr`, `iovec`, `cmsghdr` and `pollfd` layouts",
            "are those of `WSAMSG`, `WSABUF`, `WSACMSGHDR` and `WSAPOLLFD`.",
        ],
        "libraries": ["ws2_32.dll"],
        "errnoSymbol": "WSAGetLastError",
        "hErrnoSymbol": None,
        "noSigpipe": "none",
        "variadicOnStack": [],
        "socketTimeout": "milliseconds",
        "hostErrors": "native",
        "listenAddress": [127, 0, 0, 1],
        "fdSetIsList": True,
    },
}


def ts(value):
    return json.dumps(value)


def key_of(name):
    """An object key: bare if it is an identifier, else quoted (darwin's
    `IPV6_PKTINFO(__APPLE_USE_RFC_3542)`: the value under that macro)."""
    return name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) else json.dumps(name)


def field(layout, name):
    f = layout["fields"][name]
    return [f["offset"], f["size"]]


def msg_layout(s):
    """msghdr/iovec by role, from the facts' field names (POSIX or WSAMSG)."""
    m, v = s["msghdr"], s["iovec"]
    if "lpBuffers" in m["fields"]:  # WSAMSG with an embedded WSABUF Control
        control = m["fields"]["Control"]["offset"]
        buf = field(v, "buf")
        length = field(v, "len")
        return {
            "size": m["size"],
            "name": field(m, "name"),
            "namelen": field(m, "namelen"),
            "iov": field(m, "lpBuffers"),
            "iovlen": field(m, "dwBufferCount"),
            "control": [control + buf[0], buf[1]],
            "controllen": [control + length[0], length[1]],
            "flags": field(m, "dwFlags"),
            "iovSize": v["size"],
            "iovBase": buf,
            "iovLen": length,
        }
    return {
        "size": m["size"],
        "name": field(m, "msg_name"),
        "namelen": field(m, "msg_namelen"),
        "iov": field(m, "msg_iov"),
        "iovlen": field(m, "msg_iovlen"),
        "control": field(m, "msg_control"),
        "controllen": field(m, "msg_controllen"),
        "flags": field(m, "msg_flags"),
        "iovSize": v["size"],
        "iovBase": field(v, "iov_base"),
        "iovLen": field(v, "iov_len"),
    }


def generate(key, t):
    facts = t["facts"]
    s = structs[facts]
    out = ["// Generated by scripts/gen_platforms.py from the platform facts; do not edit by hand."]
    out.append("/**")
    out += [(" * " + line).rstrip() for line in t["doc"]]
    out.append(" *")
    out.append(" * `tests/platform_test.ts` checks every value against the facts.")
    out.append(" *")
    out.append(" * @module")
    out.append(" */")
    out.append("")
    out.append('import type { PlatformDescriptor } from "./descriptor.ts";')
    out.append("")
    out.append(f"/** The {t['name']} descriptor. */")
    out.append(f"export const {t['name']}: PlatformDescriptor = {{")
    out.append(f'  os: "{key}",')
    out.append(f"  libraries: {ts(t['libraries'])},")
    out.append(f'  errnoSymbol: "{t["errnoSymbol"]}",')
    out.append(f"  sockaddrHasLen: {ts('sin_len' in s['sockaddr_in']['fields'])},")
    out.append("  php: {")
    for name, value in constants[facts].items():
        out.append(f"    {name}: {value},")
    out.append("  },")
    out.append("  native: {")
    for name in sorted(native[facts]):
        out.append(f"    {key_of(name)}: {native[facts][name]},")
    out.append("  },")
    out.append("  structs: {")
    for name in sorted(n for n in s if not n.startswith("_")):
        layout = s[name]
        fields = ", ".join(
            f"{f}: [{v['offset']}, {v['size']}]" for f, v in layout.get("fields", {}).items()
        )
        out.append(f"    {name}: {{ size: {layout['size']}, fields: {{ {fields} }} }},")
    out.append("  },")
    c = s["_cmsg"]
    out.append(
        f"  cmsg: {{ headerSize: {c['cmsghdr_size']}, align: {c['align']}, dataOffset: {c['data_offset']} }},"
    )
    for k in ("hErrnoSymbol", "noSigpipe", "variadicOnStack", "socketTimeout", "hostErrors",
              "listenAddress", "fdSetIsList"):
        out.append(f"  {k}: {ts(t[k])},")
    m = msg_layout(s)
    out.append("  msg: {")
    for k, v in m.items():
        out.append(f"    {k}: {ts(v)},")
    out.append("  },")
    out.append("};")
    open(f"platform/{key}.ts", "w").write("\n".join(out) + "\n")
    print(f"platform/{key}.ts: {len(constants[facts])} PHP constants, "
          f"{len(native[facts])} native, {len([n for n in s if not n.startswith('_')])} structs")


for key, t in TARGETS.items():
    generate(key, t)


def generate_messages():
    """platform/windows_messages.ts: the en-US FormatMessage texts that
    socket_strerror() falls back to when the system has none (Wine has gaps)."""
    m = json.load(open(FACTS + "errno-messages.json"))["windows"]
    texts = {}
    for code, entry in m["wsa_messages"].items():
        texts[int(code)] = entry["text"]
    for entry in m["wsa_aliases_of_win32_errors"].values():
        texts.setdefault(entry["value"], entry["text"])
    for name, entry in m["php_socket_constants_with_crt_values"]["entries"].items():
        if entry["formatmessage_text"]:
            texts.setdefault(entry["value"], entry["formatmessage_text"])
    out = ["// Generated by scripts/gen_platforms.py from the platform facts; do not edit by hand.",
           "/**",
           " * Windows' en-US `FormatMessage()` texts for the Winsock error codes (and the",
           " * Win32 codes PHP's `SOCKET_E*` constants share), as the Windows SDK's",
           " * winerror.h records them. `socket_strerror()` uses them when the system",
           " * returns no text (Wine has none for some codes, e.g. 10047 and 10048).",
           " *",
           " * @module",
           " */",
           "",
           "/** Error code to message, without the trailing period FormatMessage adds. */",
           "export const windowsMessages: ReadonlyMap<number, string> = new Map([",
           ]
    for code in sorted(texts):
        out.append(f"  [{code}, {json.dumps(texts[code].rstrip('.'))}],")
    out.append("]);")
    open("platform/windows_messages.ts", "w").write("\n".join(out) + "\n")
    print(f"platform/windows_messages.ts: {len(texts)} messages")


generate_messages()
