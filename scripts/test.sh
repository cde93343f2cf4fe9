#!/usr/bin/env bash
# The project's test command (`npm test`): runs the whole suite under Deno,
# then under Bun, shows both runners' output, and ends with exactly one line
# "N passed, M failed" summing both runtimes. Exits non-zero if M > 0.
#
#   bash scripts/test.sh                        # every tests/**/*_test.ts
#   bash scripts/test.sh tests/platform_test.ts # a subset, passed to both runners
#
# Counting:
#   Deno counts node:test `describe` blocks and `t.test` parents as tests or
#   steps too, so its summary line over-counts. The script walks Deno's
#   per-test lines instead and counts leaves (tests without children); a
#   group counts only if it failed by itself (a throwing `describe` body or
#   hook), not "due to N failed steps". If the walk does not add up to Deno's
#   summary line, the summary's own numbers (steps included) are used.
#   Bun's "N pass" / "N fail" / "N errors" lines are used as they are; errors
#   (outside any test) count as failures.
#   A runner with no summary (crash, type-check error, timeout) counts as
#   0 passed, 1 failed; a runner that exits non-zero without reporting a
#   failure gets 1 failure added.
#
# Network isolation: when run as root with `unshare` and `ip` available, the
# whole run re-executes itself inside a fresh network namespace with only the
# loopback interface up (127.0.0.1 and ::1), so no query can leave the
# machine. PHP_SOCKETS_NETNS=1 is set inside it; set PHP_SOCKETS_NETNS=0
# beforehand to opt out.
#
# Environment: PHP_SOCKETS_TEST_TIMEOUT (seconds per runner, default 300).

set -u
set -o pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root" || exit 1

export NO_COLOR=1
export RUST_BACKTRACE=0
export DENO_NO_UPDATE_CHECK=1

# --- loopback-only network namespace ----------------------------------------

if [ -z "${PHP_SOCKETS_NETNS:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 \
    && command -v ip >/dev/null 2>&1 && unshare -n true 2>/dev/null; then
    export PHP_SOCKETS_NETNS=1
    # shellcheck disable=SC2016 # expanded by the inner sh
    exec unshare -n -- sh -c '
      ip link set lo up || echo "note: could not bring up lo in the network namespace" >&2
      exec bash "$0" "$@"' "$here/test.sh" "$@"
  fi
  export PHP_SOCKETS_NETNS=0
  echo "note: running without network isolation (needs root, unshare and ip);" \
    "tests that resolve names may reach the network"
elif [ "$PHP_SOCKETS_NETNS" != 1 ]; then
  echo "note: running without network isolation (PHP_SOCKETS_NETNS=$PHP_SOCKETS_NETNS)"
else
  lo=$(ip -o addr show dev lo 2>/dev/null)
  case "$lo" in
    *" 127.0.0.1/"*" ::1/"*) echo "network: isolated namespace, loopback only (127.0.0.1 and ::1)" ;;
    *) echo "note: in a network namespace, but lo lacks 127.0.0.1 or ::1:" "$lo" ;;
  esac
fi

# --- runners -----------------------------------------------------------------

# PHP_SOCKETS_DENO / PHP_SOCKETS_BUN replace the runtimes (scripts/test-windows.sh
# runs the Windows builds under Wine this way).
deno=${PHP_SOCKETS_DENO:-node_modules/.bin/deno}
bun=${PHP_SOCKETS_BUN:-node_modules/.bin/bun}
limit=${PHP_SOCKETS_TEST_TIMEOUT:-300}
# socket_select's test holds 4,000 descriptors: lift the soft limit to the hard one.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Test paths: the arguments, or the whole tests/ folder. Bun treats a bare
# argument as a name filter, so relative paths get a leading "./" for it.
deno_paths=("$@")
bun_paths=()
if [ $# -eq 0 ]; then deno_paths=(tests/); fi
for p in "${deno_paths[@]}"; do
  case "$p" in
    /* | ./* | ../*) bun_paths+=("$p") ;;
    *) bun_paths+=("./$p") ;;
  esac
done

# Removes colour codes and carriage returns.
clean() { sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r$//' "$1"; }

# Counts Deno's leaf tests by walking its per-test lines ("name ..." opens a
# test with steps, "name ... ok|FAILED|ignored" ends one; "------- output"
# blocks and everything after " ERRORS " are skipped). Prints seven numbers:
# leaf passed, leaf failed, leaf ignored, result lines walked, and from Deno's
# last "ok | ..." / "FAILED | ..." line: total (steps included, or "none" if
# there is no such line), passed and failed (steps included).
count_deno() {
  clean "$1" | awk '
    function lead(s) { match(s, /^ */); return RLENGTH }
    BEGIN { depth = 0; lp = 0; lf = 0; li = 0; nodes = 0; inout = 0; tail = 0; have = 0 }
    /^(ok|FAILED) \| [0-9]+ passed/ {
      have = 1; sp = 0; sf = 0; si = 0
      n = split($0, part, / \| /)
      for (i = 2; i <= n; i++) {
        if (!match(part[i], /^[0-9]+ /)) continue
        v = substr(part[i], 1, RLENGTH - 1) + 0
        if (match(part[i], /\([0-9]+ steps?\)/)) v += substr(part[i], RSTART + 1) + 0
        if (part[i] ~ /^[0-9]+ passed/) sp = v
        else if (part[i] ~ /^[0-9]+ failed/) sf = v
        else if (part[i] ~ /^[0-9]+ ignored/) si = v
      }
      next
    }
    tail { next }
    /^ (ERRORS|FAILURES) $/ { tail = 1; next }
    /^------- (pre-test |post-test )?output -------$/ { inout = 1; next }
    /^----- (pre-test |post-test )?output end -----$/ { inout = 0; next }
    inout { next }
    / \.\.\.$/ {
      ind = lead($0); name = substr($0, ind + 1, length($0) - ind - 4)
      if (depth > 0) kids[depth] = 1
      depth++; sind[depth] = ind; sname[depth] = name; kids[depth] = 0
      next
    }
    match($0, / \.\.\. (ok|FAILED|ignored|INCOMPLETE)( |$)/) {
      at = RSTART; ind = lead($0); name = substr($0, ind + 1, at - ind - 1)
      rest = substr($0, at + 5)
      status = rest; sub(/ .*/, "", status)
      nodes++
      opened = 0
      for (d = depth; d > 0; d--) if (sind[d] == ind && sname[d] == name) { opened = d; break }
      if (opened) {
        group = kids[opened]; depth = opened - 1
      } else {
        group = 0; if (depth > 0) kids[depth] = 1
      }
      if (group) {
        # A group with children: its outcome is theirs, unless it failed by itself.
        if (status != "ok" && status != "ignored" && rest !~ /due to [0-9]+ failed step/) lf++
      } else if (status == "ok") lp++
      else if (status == "ignored") li++
      else lf++
    }
    END {
      if (have) printf "%d %d %d %d %d %d %d\n", lp, lf, li, nodes, sp + sf + si, sp, sf
      else printf "%d %d %d %d none 0 0\n", lp, lf, li, nodes
    }'
}

# Reads Bun's last "N pass", "N fail", "N errors", "N skip" lines. Prints
# "passed failed errors skipped" or "none" if there is no summary.
count_bun() {
  clean "$1" | awk '
    BEGIN { have = 0; p = 0; f = 0; e = 0; s = 0 }
    /^ *[0-9]+ pass$/ { have = 1; p = $1 + 0 }
    /^ *[0-9]+ fail$/ { f = $1 + 0 }
    /^ *[0-9]+ errors?$/ { e = $1 + 0 }
    /^ *[0-9]+ skip$/ { s = $1 + 0 }
    END { if (have) printf "%d %d %d %d\n", p, f, e, s; else print "none" }'
}

total_passed=0
total_failed=0

# Adds one runner's result to the totals and reports it.
tally() { # runner passed failed exit-status extra-note
  local runner=$1 passed=$2 failed=$3 rc=$4 note=$5
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    note="$note; exited with status $rc without reporting a failure, counted as 1 failed"
  fi
  echo "$runner: $passed passed, $failed failed$note"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
}

run() { # log-file command...
  local log=$1
  shift
  timeout --kill-after=10 "$limit" "$@" 2>&1 </dev/null | tee "$log"
  local rc=${PIPESTATUS[0]}
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    echo "error: timed out after ${limit}s" | tee -a "$log"
  fi
  return "$rc"
}

echo "=== deno test ($("$deno" --version 2>/dev/null | head -n 1)) ==="
run "$tmp/deno.log" "$deno" test --allow-ffi --allow-read --allow-write --allow-env \
  "--allow-net=127.0.0.1,[::1],localhost" "--allow-run=php,$(readlink -f "$deno")" "${deno_paths[@]}"
deno_rc=$?
read -r dp df di dnodes dtotal dsp dsf < <(count_deno "$tmp/deno.log")
if [ "$dtotal" = none ]; then
  tally deno 0 1 0 " (no summary line; exit status $deno_rc; counted as 1 failed)"
elif [ "$dnodes" -eq "$dtotal" ]; then
  note=""
  if [ "$di" -gt 0 ]; then note=" ($di ignored)"; fi
  tally deno "$dp" "$df" "$deno_rc" "$note"
else
  tally deno "$dsp" "$dsf" "$deno_rc" \
    " (per-test lines did not match the summary; counting Deno's steps as tests)"
fi

echo
echo "=== bun test (bun $("$bun" --version 2>/dev/null)) ==="
run "$tmp/bun.log" "$bun" test "${bun_paths[@]}"
bun_rc=$?
read -r bp bf be bs < <(count_bun "$tmp/bun.log")
if [ "$bp" = none ]; then
  tally bun 0 1 0 " (no summary line; exit status $bun_rc; counted as 1 failed)"
else
  note=""
  if [ "$be" -gt 0 ]; then note=" (including $be errors outside tests)"; fi
  if [ "$bs" -gt 0 ]; then note="$note ($bs skipped)"; fi
  tally bun "$bp" "$((bf + be))" "$bun_rc" "$note"
fi

echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
