#!/usr/bin/env bash
# Refreshes the two screenshots the README shows (docs/screenshots/): runs the browser tests, which
# photograph every view into artifacts/screenshots/, and copies the overview and the graph explorer.
#   GRAPHRAG_CLI="dotnet path/to/GraphRag.Cli.dll" scripts/readme-screenshots.sh   # use another build
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
scripts/browser-tests.sh
mkdir -p docs/screenshots
cp artifacts/screenshots/overview.png docs/screenshots/overview.png
cp artifacts/screenshots/explorer-entity.png docs/screenshots/explorer.png
echo "docs/screenshots/overview.png and docs/screenshots/explorer.png updated."
