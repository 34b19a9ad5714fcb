#!/usr/bin/env bash
# The newcomer's first run on the embedded default (SQLite, no servers): fetches the encoder, builds,
# ingests corpus/ when the database does not exist yet, and answers a sample question.
#   scripts/run.sh ["your question"]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
scripts/fetch-assets.sh
dotnet build src/GraphRag.Cli -c Release --nologo -v q -clp:ErrorsOnly
if [[ ! -f data/graphrag.db ]]; then
    ./graphrag ingest corpus/
fi
./graphrag ask "${1:-Why is a p-value not the probability that a claim is true?}"
