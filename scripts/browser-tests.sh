#!/usr/bin/env bash
# Browser tests of the web page: installs Debian's chromium when it is missing and npm
# playwright-core (tests/browser), ingests corpus/ into a temp database, starts `graphrag serve`
# on a free loopback port, drives the page (tests/browser/page.test.mjs) and stops the server.
# The explorer's figures at 20,000 entities go to artifacts/screenshots/explorer-20k.json.
# Screenshots go to artifacts/screenshots/ (git-ignored). Exit code 0 only when every test passed.
#   GRAPHRAG_CLI="dotnet path/to/GraphRag.Cli.dll" scripts/browser-tests.sh   # use another build
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if [[ ! -x /usr/bin/chromium ]]; then
    echo "Installing chromium (Debian package)…"
    sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

if [[ ! -d tests/browser/node_modules/playwright-core ]]; then
    (cd tests/browser && npm install --no-audit --no-fund --loglevel=error)
fi

read -r -a cli <<< "${GRAPHRAG_CLI:-$repo/graphrag}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

db="$work/graphrag.db"
# Lexical and graph retrieval: the page tests do not need the sentence encoder's minutes of embedding.
export GRAPHRAG_GraphRag__Embeddings__Enabled=false
export GRAPHRAG_GraphRag__Web__UploadDirectory="$work/uploads"
export GRAPHRAG_GraphRag__Web__ReportsDirectory="$work/eval-reports"
mkdir -p "$work/eval-reports/notes"
printf '<!doctype html><title>Evaluation: notes</title><h1>Evaluation report: notes</h1>' > "$work/eval-reports/notes/report.html"
# The fields of results.json the overview reads, as `graphrag eval` writes them (figures from a real run on corpus/).
printf '{"dataset":"notes","k":10,"queries":63,"createdUtc":"2026-12-03T12:26:23Z","modes":[{"mode":"graph","ndcg@10":0.6535264807,"recall@10":0.7989417989,"mrr":0.6416000493}]}' \
    > "$work/eval-reports/notes/results.json"

"${cli[@]}" --db "$db" ingest corpus/ >/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"
"${cli[@]}" --db "$db" serve --urls "$base" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
    if curl -fsS "$base/api/status" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "The server exited:"; cat "$work/server.log"; exit 1; fi
    sleep 0.5
done

mkdir -p artifacts/screenshots
node tests/browser/page.test.mjs "$base" artifacts/screenshots
