#!/usr/bin/env bash
# Shows why fcntl() is declared with six padding arguments on Apple arm64
# (ffi/libc.ts fcntlStackVariadic) and plainly elsewhere: compiles a call to
# the real variadic fcntl and one to the padded fixed-argument declaration
# for each target with clang (apt-get install clang-14; no SDK is needed) and
# checks where the third argument goes.
#
#   arm64-apple-macos: both calls store it at [sp] (first stack slot), x2 unused
#   x86_64-apple-macos, aarch64-linux-gnu: the variadic call passes it in the
#     third register (edx / w2), so the plain declaration is the right one.
set -u
cc=$(command -v clang-14 || command -v clang) || { echo "clang is not installed"; exit 2; }
src=$(mktemp --suffix=.c)
trap 'rm -f "$src"' EXIT
cat >"$src" <<'C'
int fcntl(int fd, int cmd, ...);
int fcntl_padded(int fd, int cmd, long p2, long p3, long p4, long p5, long p6, long p7, long arg);
int variadic_call(int fd, int v) { return fcntl(fd, 4, v); }
int padded_call(int fd, int v) { return fcntl_padded(fd, 4, 0, 0, 0, 0, 0, 0, v); }
C
asm() { "$cc" --target="$1" -O2 -S -o - "$src" | sed -n "/^_\{0,1\}$2:/,/ret/p"; }
fail=0
check() { # description condition
  if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi
}
check "arm64-apple-macos: variadic fcntl reads its argument from [sp]" \
  'asm arm64-apple-macos11 variadic_call | grep -q "str	x1, \[sp\]"'
check "arm64-apple-macos: the padded declaration puts it at [sp] too" \
  'asm arm64-apple-macos11 padded_call | grep -q "str	x8, \[sp\]"'
check "x86_64-apple-macos: variadic fcntl takes it in edx (plain declaration)" \
  'asm x86_64-apple-macos11 variadic_call | grep -q "movl	%esi, %edx"'
check "aarch64-linux-gnu: variadic fcntl takes it in w2 (plain declaration)" \
  'asm aarch64-linux-gnu variadic_call | grep -q "mov	w2, w1"'
exit $fail
