#!/usr/bin/env bash
# The benchmark command (`npm run bench`): builds the C baselines with gcc,
# runs every workload through C (single-threaded, and with one idle thread
# like the runtimes' processes), PHP 8.2's ext/sockets, the module's PHP API
# on Deno and on Bun, raw FFI calls, and Deno's and Bun's own sockets,
# interleaved (round by round, workload by workload, the runners' order
# rotated each round), then prints a table of medians, spreads and ratios to
# C and writes it as JSON and Markdown.
#
#   bash bench/run.sh                 # 5 rounds, full sizes (about 10 minutes)
#   bash bench/run.sh --rounds 3      # fewer rounds
#   bash bench/run.sh --only pp_unix,bulk --runners c,api-deno
#   bash bench/run.sh --quick         # tiny sizes, one round, one process per
#                                     # runner: a smoke run that the benchmarks
#                                     # still work (a few seconds), not a figure
#
# Output: the table on standard output; DIR/latest.json (machine, every
# round's figures, medians) and DIR/latest.md (the table), where DIR is
# bench/results, or a temporary directory with --quick unless --out is given.
#
# Runners that cannot run here (no gcc, no php) are reported and skipped.
# Exits non-zero if a run failed (a crash, a wrong result, a timeout).

set -u
set -o pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root" || exit 1

export NO_COLOR=1
export DENO_NO_UPDATE_CHECK=1

quick=0
rounds=5
only=""
runners_wanted=""
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --rounds) rounds=$2; shift ;;
    --only) only=$2; shift ;;
    --runners) runners_wanted=$2; shift ;;
    --out) out=$2; shift ;;
    *) echo "usage: bash bench/run.sh [--quick] [--rounds N] [--only W,...] [--runners R,...] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "$out" ]; then
  if [ "$quick" = 1 ]; then out=$tmp/out; else out=bench/results; fi
fi
mkdir -p "$out"

deno=node_modules/.bin/deno
bun=node_modules/.bin/bun

# --- workloads and their sizes (operations; bytes for bulk) -----------------

workloads=(pp_unix pp_tcp bulk bulk_copy udp churn select_100 select_1000 select_10000
  call_send sys_send call_eagain sys_eagain memory memory_stream)
declare -A size=(
  [pp_unix]=200000 [pp_tcp]=100000 [bulk]=1073741824 [bulk_copy]=1073741824 [udp]=200000 [churn]=20000
  [select_100]=50000 [select_1000]=5000 [select_10000]=500
  [call_send]=1000000 [sys_send]=1000000 [call_eagain]=1000000 [sys_eagain]=1000000
  [memory]=1000000 [memory_stream]=1000000
)
if [ "$quick" = 1 ]; then
  rounds=1
  size=(
    [pp_unix]=2000 [pp_tcp]=1000 [bulk]=4194304 [bulk_copy]=4194304 [udp]=2000 [churn]=200
    [select_100]=100 [select_1000]=20 [select_10000]=2
    [call_send]=10000 [sys_send]=10000 [call_eagain]=10000 [sys_eagain]=10000
    [memory]=10000 [memory_stream]=10000
  )
fi
if [ -n "$only" ]; then IFS=, read -r -a workloads <<<"$only"; fi

# --- runners -----------------------------------------------------------------

# Which workloads each runner has (the others are not run, and show as "-").
declare -A has=(
  [c]="pp_unix pp_tcp bulk bulk_copy udp churn select_100 select_1000 select_10000 call_send call_eagain"
  [c-mt]="pp_unix pp_tcp bulk bulk_copy udp churn select_100 select_1000 select_10000 call_send call_eagain"
  [php]="pp_unix pp_tcp bulk bulk_copy udp churn select_100 select_1000 select_10000 call_send call_eagain memory memory_stream"
  [api-deno]="${workloads[*]}"
  [api-bun]="${workloads[*]}"
  [raw-deno]="pp_unix pp_tcp bulk udp call_send call_eagain"
  [raw-bun]="pp_unix pp_tcp bulk udp call_send call_eagain"
  [native-deno]="pp_unix pp_tcp bulk udp churn"
  [native-bun]="pp_unix pp_tcp bulk udp churn"
)
runners=(c c-mt php api-deno api-bun raw-deno raw-bun native-deno native-bun)
if [ -n "$runners_wanted" ]; then IFS=, read -r -a runners <<<"$runners_wanted"; fi

# The command line of a runner; the WORKLOAD=SIZE arguments follow.
command_of() {
  case "$1" in
    c) echo "$tmp/bench" ;;
    c-mt) echo "$tmp/bench --thread" ;;
    php) echo "php bench/php/bench.php" ;;
    api-deno) echo "$deno run --allow-ffi --allow-net=127.0.0.1 --v8-flags=--expose-gc bench/api.ts" ;;
    api-bun) echo "$bun bench/api.ts" ;;
    raw-deno) echo "$deno run --allow-ffi --allow-net=127.0.0.1 bench/raw.ts" ;;
    raw-bun) echo "$bun bench/raw.ts" ;;
    native-deno) echo "$deno run --allow-net --allow-read --allow-write --unstable-net bench/native_deno.ts" ;;
    native-bun) echo "$bun bench/native_bun.ts" ;;
  esac
}

available=()
for r in "${runners[@]}"; do
  case "$r" in
    c | c-mt)
      if ! command -v gcc >/dev/null 2>&1; then
        echo "note: gcc not found; the C baselines are skipped"
        continue
      fi
      if [ ! -x "$tmp/bench" ] && ! gcc -O2 -Wall -Wextra -pthread -o "$tmp/bench" bench/c/bench.c; then
        echo "error: building bench/c/bench.c failed"
        exit 1
      fi
      ;;
    php)
      if ! php -r 'exit(function_exists("socket_create") ? 0 : 1);' 2>/dev/null; then
        echo "note: php with ext/sockets not found; the PHP runs are skipped"
        continue
      fi
      ;;
  esac
  available+=("$r")
done

# --- machine -------------------------------------------------------------------

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }
{
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "mode=$([ "$quick" = 1 ] && echo quick || echo full)"
  echo "rounds=$rounds"
  echo "cores=$(nproc 2>/dev/null || echo unknown)"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
  echo "kernel=$(uname -sr)"
  echo "deno=$("$deno" --version 2>/dev/null | head -n 1)"
  echo "bun=$("$bun" --version 2>/dev/null)"
  echo "php=$(php -r 'echo PHP_VERSION;' 2>/dev/null || echo none)"
  echo "gcc=$(gcc -dumpfullversion 2>/dev/null || echo none)"
  echo "load_start=$(load)"
} >"$tmp/meta"

# --- runs ----------------------------------------------------------------------

# Seconds one runner process may take (all its workloads, in quick mode).
limit=600
if [ "$quick" = 1 ]; then limit=60; fi

results=$tmp/results.jsonl
: >"$results"
failures=0

# Runs one runner over some WORKLOAD=SIZE arguments; appends its lines,
# tagged with runner and round, to the results.
run_one() { # runner round args...
  local r=$1 round=$2
  shift 2
  local cmd
  cmd=$(command_of "$r")
  # shellcheck disable=SC2086 # the command line is split on purpose
  timeout --kill-after=10 "$limit" $cmd "$@" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
  local rc=$?
  local lines
  lines=$(grep -c '^{' "$tmp/stdout")
  sed -n "s/^{/{\"runner\": \"$r\", \"round\": $round, /p" "$tmp/stdout" >>"$results"
  if [ "$rc" -ne 0 ] || [ "$lines" -ne $# ]; then
    local why
    why=$(tail -n 3 "$tmp/stderr" | tr '\n"\\' "  /" | cut -c1-300)
    echo "error: $r $* failed (exit status $rc): $why"
    printf '{"runner": "%s", "round": %s, "workload": "%s", "error": "exit status %s: %s"}\n' \
      "$r" "$round" "${1%%=*}" "$rc" "$why" >>"$results"
    failures=$((failures + 1))
  fi
}

# The workloads (as WORKLOAD=SIZE) a runner has, out of the chosen ones.
args_for() { # runner
  local w
  for w in "${workloads[@]}"; do
    case " ${has[$1]} " in *" $w "*) echo "$w=${size[$w]}" ;; esac
  done
}

started=$(date +%s)
if [ "$quick" = 1 ]; then
  for r in "${available[@]}"; do
    mapfile -t a < <(args_for "$r")
    if [ ${#a[@]} -gt 0 ]; then run_one "$r" 1 "${a[@]}"; fi
  done
else
  count=${#available[@]}
  for ((round = 1; round <= rounds; round++)); do
    echo "round $round of $rounds (load $(load))"
    for w in "${workloads[@]}"; do
      for ((i = 0; i < count; i++)); do
        r=${available[$(((i + round - 1) % count))]}
        case " ${has[$r]} " in *" $w "*) run_one "$r" "$round" "$w=${size[$w]}" ;; esac
      done
    done
  done
fi
echo "load_end=$(load)" >>"$tmp/meta"
echo "seconds=$(($(date +%s) - started))" >>"$tmp/meta"

"$deno" run --allow-read --allow-write bench/report.ts "$tmp/meta" "$results" "$out"
status=$?
if [ "$failures" -gt 0 ]; then
  echo "$failures run(s) failed"
  exit 1
fi
exit "$status"
