#!/usr/bin/env bash
# Sets up everything the tests need on a bare machine and runs them all:
#   npm assets (sentence encoder, GPT-2 vocabulary), the CUDA library (nvcc from Debian non-free),
#   a local Neo4j 3.1.1 (started here, stopped on exit), NuGet restore, the .NET tests, the
#   browser tests. Ends with one line "Tests: N passed, N failed, N skipped".
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
started=$SECONDS
step() { printf '\n== %s (%d s)\n' "$*" $((SECONDS - started)); }

step "assets"
scripts/fetch-assets.sh

step "CUDA library"
scripts/build-cuda.sh

step "Neo4j"
# Our own server on free ports, so a Neo4j the user already runs on 7474 is neither needed nor disturbed.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export NEO4J_HTTP_PORT="${NEO4J_HTTP_PORT:-$(free_port)}" NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-$(free_port)}"
scripts/neo4j.sh start
trap 'scripts/neo4j.sh stop || true' EXIT
set -a; source "${GRAPHRAG_ASSETS:-$repo/.assets}/neo4j.env"; set +a

step "build"
dotnet build GraphRag.sln -c Release --nologo -v q -clp:ErrorsOnly

step ".NET tests"
log="$(mktemp)"
# Skipped tests print their reason ("SKIPPED: ..."), so a missing prerequisite is loud.
set +e
dotnet test GraphRag.sln -c Release --no-build --nologo \
    --logger "console;verbosity=normal" 2>&1 | tee "$log" | grep -Ev '^\s+Passed |^\s*$'
dotnet_status=${PIPESTATUS[0]}
set -e

browser_status=0
browser_log="$(mktemp)"
if [[ -x scripts/browser-tests.sh ]]; then
    step "browser tests"
    set +e
    scripts/browser-tests.sh 2>&1 | tee "$browser_log"
    browser_status=${PIPESTATUS[0]}
    set -e
fi

# One total over every test assembly (dotnet prints "Passed: n", "Failed: n", "Skipped: n" per assembly)
# and the browser tests ("Browser tests: n passed, m failed").
count() { { grep -E "^\s+$1: +[0-9]+" "$log" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
if read -r bp bf < <({ grep -Eo 'Browser tests: [0-9]+ passed, [0-9]+ failed' "$browser_log" || true; } | tail -n 1 | awk '{print $3, $5}') && [[ -n "$bp" ]]; then
    passed=$((passed + bp)); failed=$((failed + bf))
fi
echo
echo "Skipped tests and why:"
{ grep -E 'SKIPPED' "$log" || echo "none"; } | sed -E 's/^\[xUnit[^]]*\]\s*//' | sort | uniq -c | sort -rn | sed 's/^/  /'
printf '\nFinished in %d s.\n' $((SECONDS - started))
echo "Tests: $passed passed, $failed failed, $skipped skipped"
[[ $dotnet_status -eq 0 && $browser_status -eq 0 && $failed -eq 0 ]]
