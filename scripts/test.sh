#!/usr/bin/env bash
# Sets up everything the tests need on a bare machine and runs them all:
#   npm assets (sentence encoder, GPT-2 vocabulary), the CUDA library (nvcc from Debian non-free),
#   Debian's chromium for the browser tests, a local Neo4j 3.1.1 (started here, stopped on exit),
#   NuGet restore, the .NET tests (the browser tests among them: tests/GraphRag.Browser.Tests drives
#   chromium through Microsoft.Playwright). Ends with one line "Tests: N passed, N failed, N skipped".
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
started=$SECONDS
step() { printf '\n== %s (%d s)\n' "$*" $((SECONDS - started)); }

step "assets"
scripts/fetch-assets.sh

step "chromium"
if [[ ! -x /usr/bin/chromium ]]; then
    sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

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

# One total over every test assembly (dotnet prints "Passed: n", "Failed: n", "Skipped: n" per assembly).
count() { { grep -E "^\s+$1: +[0-9]+" "$log" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
echo
echo "Skipped tests and why:"
{ grep -E 'SKIPPED' "$log" || echo "none"; } | sed -E 's/^\[xUnit[^]]*\]\s*//' | sort | uniq -c | sort -rn | sed 's/^/  /'
printf '\nFinished in %d s.\n' $((SECONDS - started))
echo "Tests: $passed passed, $failed failed, $skipped skipped"
[[ $dotnet_status -eq 0 && $failed -eq 0 ]]
