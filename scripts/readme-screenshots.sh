#!/usr/bin/env bash
# Refreshes the three screenshots the README shows (docs/screenshots/): runs the browser tests
# (tests/GraphRag.Browser.Tests, Debian's chromium through Microsoft.Playwright), which photograph every
# view into artifacts/screenshots/, and copies the overview, the graph explorer with an entity chosen, and an
# answer with what the claims check worked out from its citation.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export GRAPHRAG_ASSETS="${GRAPHRAG_ASSETS:-$repo/.assets}"
dotnet build tests/GraphRag.Browser.Tests -c Release --nologo -v q -clp:ErrorsOnly
# Every browser test, so a screenshot only lands in the README when the page behaves as the tests require.
dotnet test tests/GraphRag.Browser.Tests -c Release --no-build --nologo
mkdir -p docs/screenshots
cp artifacts/screenshots/overview.png docs/screenshots/overview.png
cp artifacts/screenshots/explorer-entity.png docs/screenshots/explorer.png
cp artifacts/screenshots/worked-out.png docs/screenshots/answer-checks.png
echo "docs/screenshots/overview.png, explorer.png and answer-checks.png updated."
