#!/usr/bin/env bash
# Signs in like a browser (the form's antiforgery token, then the post) and prints the Cookie header to send.
# Used by bench/run.sh and bench/load.sh.
#   bench/sign-in.sh BASE-URL EMAIL [PASSWORD]     # the generated data set's password by default
set -euo pipefail
BASE=$1 EMAIL=$2 PASSWORD=${3:-Bench-losenord-2026}
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
TOKEN=$(curl -fs -c "$JAR" "$BASE/konto/logga-in" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "__RequestVerificationToken=$TOKEN" --data-urlencode "_handler=login" \
  --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASSWORD" "$BASE/konto/logga-in"
awk '$6 ~ /^sakrastader/ { printf "%s=%s; ", $6, $7 }' "$JAR"
