#!/usr/bin/env bash
# Runs the Windows-capable part of the test suite for real on Winsock, under
# Wine, with the Windows builds of Deno and Bun:
#
#   bash scripts/test-windows.sh                      # every tests/**/*_test.ts
#   bash scripts/test-windows.sh tests/io_test.ts     # a subset
#
# Ends with one line "N passed, M failed" summing both runtimes; exits
# non-zero if M > 0.
#
# Why a chroot: Deno's V8 cannot start on Debian 12's Wine 8 (it needs the
# newer placeholder-memory API), so the run uses Wine 10 from a minimal
# Debian 13 (trixie) chroot, where both runtimes work unchanged.
#
# Setup (first run, about 2 minutes; needs root and Debian's package mirror):
#   1. apt-get install debootstrap (host), debootstrap --variant=minbase
#      trixie into $cache/root, apt-get install wine wine64 inside it;
#   2. `npm pack` of @oven/bun-windows-x64 (the bun version of package.json)
#      and @deno/win32-x64 (the newest 2.x on npm, see DENO_WIN_VERSION),
#      unpacked into $cache/bin (npm pack never touches package-lock.json);
#   3. `wineboot -i` of a Wine prefix in $cache/prefix.
# Everything is cached under $PHP_SOCKETS_WINE_CACHE (default
# /var/cache/php-sockets-wine), outside the repository; later runs start at
# once. Delete that folder to start over.
#
# Isolation: every Wine process runs inside `unshare -m -n`: a private mount
# namespace (the bind mounts of /proc, /dev and the checkout vanish with it)
# and a network namespace with only the loopback interface up, so nothing a
# Windows binary does can reach the network. The chroot has no resolv.conf
# and an /etc/hosts with localhost only.

set -u
set -o pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root" || exit 1

cache=${PHP_SOCKETS_WINE_CACHE:-/var/cache/php-sockets-wine}
chroot_dir=$cache/root
bin=$cache/bin
bun_version=$(sed -n 's/^ *"bun": *"\([^"]*\)".*/\1/p' package.json)
deno_version=${DENO_WIN_VERSION:-2.9.5}
limit=${PHP_SOCKETS_TEST_TIMEOUT:-600}
shared=$(cd "$root/../shared" 2>/dev/null && pwd) || shared=""

export DEBIAN_FRONTEND=noninteractive NO_COLOR=1

die() {
  echo "error: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, unshare)"
[ -n "$shared" ] || die "../shared (the platform facts) must be beside the checkout"

# --- setup, cached ---------------------------------------------------------------

setup_chroot() {
  [ -e "$cache/chroot.ready" ] && return 0
  echo "setup: debootstrap trixie into $chroot_dir"
  command -v debootstrap >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends debootstrap; } \
    || return 1
  rm -rf "$chroot_dir"
  mkdir -p "$chroot_dir"
  debootstrap --variant=minbase trixie "$chroot_dir" http://deb.debian.org/debian >"$cache/debootstrap.log" 2>&1 \
    || { tail -n 20 "$cache/debootstrap.log"; return 1; }
  echo "setup: apt-get install wine wine64 (chroot)"
  unshare -m sh -c "
    mount --bind /proc '$chroot_dir/proc' && mount --bind /dev '$chroot_dir/dev' &&
    cp /etc/resolv.conf '$chroot_dir/etc/resolv.conf' &&
    chroot '$chroot_dir' sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends wine wine64' &&
    rm -f '$chroot_dir/etc/resolv.conf'" >"$cache/apt.log" 2>&1 \
    || { tail -n 20 "$cache/apt.log"; return 1; }
  printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' >"$chroot_dir/etc/hosts"
  touch "$cache/chroot.ready"
}

setup_binaries() {
  mkdir -p "$bin"
  if [ ! -x "$bin/bun-$bun_version/bun.exe" ]; then
    echo "setup: npm pack @oven/bun-windows-x64@$bun_version"
    local t
    t=$(mktemp -d)
    (cd "$t" && npm pack --silent "@oven/bun-windows-x64@$bun_version" >/dev/null 2>&1) || return 1
    mkdir -p "$bin/bun-$bun_version"
    tar -xzf "$t"/*.tgz -C "$t" && cp "$t/package/bin/bun.exe" "$bin/bun-$bun_version/bun.exe" || return 1
    chmod +x "$bin/bun-$bun_version/bun.exe"
    rm -rf "$t"
  fi
  if [ ! -x "$bin/deno-$deno_version/deno.exe" ]; then
    echo "setup: npm pack @deno/win32-x64@$deno_version"
    local t
    t=$(mktemp -d)
    (cd "$t" && npm pack --silent "@deno/win32-x64@$deno_version" >/dev/null 2>&1) || return 1
    mkdir -p "$bin/deno-$deno_version"
    tar -xzf "$t"/*.tgz -C "$t" && cp "$t/package/deno.exe" "$bin/deno-$deno_version/deno.exe" || return 1
    chmod +x "$bin/deno-$deno_version/deno.exe"
    rm -rf "$t"
  fi
}

mkdir -p "$cache"
setup_chroot || die "could not set up the Wine 10 chroot (see $cache/*.log)"
setup_binaries || die "could not fetch the Windows builds of Deno and Bun from npm"

# --- run -------------------------------------------------------------------------

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Test paths as the Windows runtimes see them (the checkout is mounted at
# /src/repo in the chroot, which Wine shows as Z:\src\repo).
# A path as the Windows runtimes see it: the checkout is mounted at
# /src/repo in the chroot, which Wine shows as Z:\src\repo.
win_path() {
  local p=${1#./}
  case "$p" in
    /*) p=${p#"$root"/} ;;
  esac
  printf 'Z:\\src\\repo\\%s' "${p//\//\\}"
}

# Runs one command under Wine inside the isolated namespaces, from the checkout.
in_wine() { # log-file shell-command
  local log=$1
  shift
  local quoted="$*"
  timeout --kill-after=10 "$limit" unshare -m -n -- sh -c '
    set -e
    ip link set lo up
    c=$1; repo=$2; shared=$3; shift 3
    mount --bind /proc "$c/root/proc"
    mount --bind /dev "$c/root/dev"
    mkdir -p "$c/root/src/repo" "$c/root/src/shared" "$c/root/cache" "$c/prefix"
    mount --bind "$repo" "$c/root/src/repo"
    mount --bind -o ro "$shared" "$c/root/src/shared"
    mount --bind "$c" "$c/root/cache"
    exec chroot "$c/root" env -i PATH=/usr/bin:/bin HOME=/root WINEPREFIX=/cache/prefix \
      WINEDEBUG=-all NO_COLOR=1 DENO_NO_UPDATE_CHECK=1 RUST_BACKTRACE=0 PHP_SOCKETS_NETNS=1 \
      sh -c "cd /src/repo && wineboot -i >/dev/null 2>&1; $*; rc=\$?; wineserver -k; exit \$rc"
  ' sh "$cache" "$root" "$shared" "$quoted" 2>&1 | tr -d '\r' | tee "$log"
  return "${PIPESTATUS[0]}"
}

deno_exe=/cache/bin/deno-$deno_version/deno.exe
bun_exe=/cache/bin/bun-$bun_version/bun.exe

# --- modes -----------------------------------------------------------------------

case "${1:-}" in
  --exec)
    # `bash scripts/test-windows.sh --exec 'CMD'` runs one shell command under
    # Wine in the same setting, with $DENO and $BUN naming the runtimes.
    shift
    in_wine "$tmp/exec.log" "DENO=$deno_exe; BUN=$bun_exe; $*"
    exit $?
    ;;
  --runtime)
    # Called by scripts/test.sh as its deno or bun: runs the Windows build
    # with the same arguments, test paths translated. Deno skips type
    # checking (the Linux run checks the same files).
    runtime=$2
    shift 2
    args=()
    for a in "$@"; do
      case "$a" in
        --version) args+=("$a") ;;
        --allow-run=*) args+=(--allow-run) ;;
        -* | test) args+=("$a") ;;
        *) args+=("$(win_path "$a")") ;;
      esac
    done
    if [ "$runtime" = deno ]; then
      [ "${args[0]:-}" = test ] && args=(test --no-check "${args[@]:1}")
      cmd="wine $deno_exe"
    else
      cmd="wine $bun_exe"
    fi
    for a in "${args[@]}"; do cmd+=" '$a'"; done
    in_wine "$tmp/runtime.log" "$cmd" >/dev/null
    rc=$?
    # Bun under Wine reports a harmless "directory mismatch" for package.json.
    grep -v '^Internal error: directory mismatch' "$tmp/runtime.log"
    exit "$rc"
    ;;
esac

# --- the suite, through scripts/test.sh -------------------------------------------

# scripts/test.sh runs the suite under both runtimes and prints the summary;
# here its deno and bun are this script in --runtime mode
# (each Wine run also gets a loopback-only network namespace of its own).
for r in deno bun; do
  printf '#!/bin/sh\nexec bash %q --runtime %s "$@"\n' "$here/test-windows.sh" "$r" >"$bin/$r-wine"
  chmod +x "$bin/$r-wine"
done
echo "windows: Wine $(chroot "$chroot_dir" wine --version 2>/dev/null || echo 10), deno $deno_version, bun $bun_version (Windows x64 builds)"
PHP_SOCKETS_DENO="$bin/deno-wine" PHP_SOCKETS_BUN="$bin/bun-wine" \
  PHP_SOCKETS_TEST_TIMEOUT=$limit bash "$here/test.sh" "$@"
