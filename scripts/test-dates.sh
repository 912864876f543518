#!/usr/bin/env bash
# Runs the whole test command once per date the suite must hold on, with the tests' clock (and the app's, which the
# tests inject) starting at that Swedish local time: a December without EST meeting, New Year's night, New Year's Eve
# late, both daylight-saving switches (the last Sundays of March and October) and high summer. Writes one line per
# date to artifacts/test-dates.txt and exits non-zero if any date fails. Takes the test command's time six times over:
# run it before a release and after any change to dates, weeks or cadences (docs/architecture.md, "Time").
#   scripts/test-dates.sh                      every date
#   scripts/test-dates.sh 2026-03-29T02:30     one date
set -uo pipefail
cd "$(dirname "$0")/.."
dates=("$@")
[ ${#dates[@]} -gt 0 ] || dates=(2026-12-02T10:00 2027-01-01T00:30 2026-12-31T23:30 2026-03-29T02:30 2026-10-25T02:30 2026-07-15T12:00)
mkdir -p artifacts
out=artifacts/test-dates.txt
: > "$out"
status=0
for d in "${dates[@]}"; do
  echo "==> Klockan i testerna: $d (svensk tid)"
  line=$(SAKRASTADER_TEST_CLOCK=$d scripts/test.sh 2>&1 | tee "artifacts/test-dates-$d.log" | tail -1)
  echo "$d  $line" | tee -a "$out"
  case $line in *" 0 failed, 0 skipped") ;; *) status=1 ;; esac
done
exit $status
