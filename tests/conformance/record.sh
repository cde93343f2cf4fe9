#!/bin/sh
# Records what PHP prints for each conformance script (or the ones named):
#   tests/conformance/record.sh            # all scripts
#   tests/conformance/record.sh udp names  # some
# Read the new expected/*.out before committing: it is the specification.
# Scripts marked "// HAND-WRITTEN: <why>" are skipped (PHP 8.2 cannot print them).
set -eu
cd "$(dirname "$0")"
if [ "$#" -eq 0 ]; then
  set -- $(ls ./*.php | sed 's|^\./||; s|\.php$||' | grep -v '^_')
fi
for name in "$@"; do
  if grep -q '^// HAND-WRITTEN:' "$name.php"; then
    echo "skipped $name: expected/$name.out is written by hand (see the script)"
    continue
  fi
  php -d display_errors=stderr "$name.php" > "expected/$name.out"
  echo "recorded expected/$name.out ($(wc -l < "expected/$name.out") lines)"
done
