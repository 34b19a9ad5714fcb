#!/usr/bin/env bash
# Compiles the kernels into build/libgraphrag_cuda.so for sm_80 and sm_90 (plus sm_90 PTX for newer GPUs).
# Skips the work when the sources, flags and nvcc are unchanged since the last successful build
# (build/.stamp holds their hash). Fails (non-zero) when any kernel does not compile.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build"
nvcc="${NVCC:-nvcc}"
command -v "$nvcc" >/dev/null || { echo "build.sh: nvcc not found (run scripts/build-cuda.sh to install the toolkit)" >&2; exit 1; }

# nvcc 11.8 accepts g++ <= 11 or clang <= 14 as host compiler; Debian 12's default g++ 12 is too new.
host=""
for candidate in g++-11 clang++-14 clang++-13; do
    if command -v "$candidate" >/dev/null; then host="$candidate"; break; fi
done
[[ -n "$host" ]] || { echo "build.sh: no host compiler nvcc 11.8 supports (g++-11 or clang++-14)" >&2; exit 1; }

sources=(runtime.cu attention_prefill.cu attention_decode.cu layer_kernels.cu matvec.cu)
flags=(-ccbin "$host" --threads 0 -std=c++17 -O3 -Xcompiler -fPIC -Xcompiler -fvisibility=hidden
       -gencode arch=compute_80,code=sm_80 -gencode arch=compute_90,code=sm_90 -gencode arch=compute_90,code=compute_90)

stamp="$(cd "$here" && { cat "${sources[@]}" ./*.h ./*.cuh; echo "${flags[*]}"; "$nvcc" --version; } | sha256sum | cut -d' ' -f1)"
if [[ -f "$out/libgraphrag_cuda.so" && -f "$out/.stamp" && "$(cat "$out/.stamp")" == "$stamp" ]]; then
    echo "build.sh: $out/libgraphrag_cuda.so is up to date"
    exit 0
fi

mkdir -p "$out"
rm -f "$out/.stamp"
objects=()
for source in "${sources[@]}"; do
    object="$out/${source%.cu}.o"
    echo "nvcc $source"
    "$nvcc" "${flags[@]}" -c "$here/$source" -o "$object"
    objects+=("$object")
done
"$nvcc" -ccbin "$host" -shared -o "$out/libgraphrag_cuda.so" "${objects[@]}"
echo "$stamp" > "$out/.stamp"
echo "build.sh: built $out/libgraphrag_cuda.so"
