#!/usr/bin/env bash
# Builds src/GraphRag.Cuda/native/build/libgraphrag_cuda.so (sm_80 + sm_90), installing Debian's
# nvidia-cuda-toolkit 11.8 (non-free) first when nvcc is missing. Quick and idempotent: when the
# library is already built from the same sources it only says so. Fails when a kernel does not compile.
# Needs no GPU. Runs as root (the project's machines and CI); uses sudo when it is not root.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started=$SECONDS

as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

enable_non_free() {
    local sources=/etc/apt/sources.list.d/debian.sources
    if [[ -f "$sources" ]]; then
        grep -Eq '^Components:.*non-free( |$)' "$sources" ||
            as_root sed -i -E '/^Components:/{/non-free( |$)/!s/$/ contrib non-free/}' "$sources"
    elif [[ -f /etc/apt/sources.list ]] && ! grep -Eq '^deb .* non-free( |$)' /etc/apt/sources.list; then
        as_root sed -i -E '/^deb /s/$/ contrib non-free/' /etc/apt/sources.list
    fi
}

if ! command -v nvcc >/dev/null; then
    echo "build-cuda: nvcc missing; installing nvidia-cuda-toolkit (Debian non-free)"
    enable_non_free
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends nvidia-cuda-toolkit
    echo "build-cuda: toolkit installed in $((SECONDS - started)) s"
fi

built_at=$SECONDS
"$repo/src/GraphRag.Cuda/native/build.sh"
echo "build-cuda: build step $((SECONDS - built_at)) s, total $((SECONDS - started)) s"
