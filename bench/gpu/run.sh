#!/usr/bin/env bash
# The whole GPU check in one go, on a machine with an NVIDIA GPU, its driver, CUDA's cuBLAS and NVRTC
# (the toolkit, or the nvidia-* pip packages of a Python environment), PyTorch, and no Java: it uses
# what bench/gpu/prepare.sh left in target/gpu-carry (a jlink'd JDK 25, the jar, the GPU tests).
# Builds nothing. Writes each step's output and summary.txt under $OUT (default target/gpu-results).
#
#   1. conformance  the kernel conformance suite and one `small` training step against the CPU backend
#   2. bench-fp32   bookcheck bench --backend gpu at S, M and full, float32 products
#   3. torch-fp32   bench/gpu/torch_reference.py, the same steps in PyTorch eager, float32
#   4. bench-tf32   as 2 with --tf32
#   5. torch-tf32   as 3 with --tf32
# STEPS="conformance bench-fp32" runs a subset. Each step has its own time limit; the whole stays
# under nine minutes so that it fits one device command (ten minutes at most).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
carry=target/gpu-carry
java="$carry/jdk/bin/java"
out="${OUT:-target/gpu-results}"
mkdir -p "$out"
steps="${STEPS:-conformance bench-fp32 torch-fp32 bench-tf32 torch-tf32}"
[ -x "$java" ] || { echo "run.sh: no $java; run bench/gpu/prepare.sh first and carry target/gpu-carry" >&2; exit 2; }

jvm=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xss4m -XX:+UseParallelGC)
classpath="$carry/bookcheck.jar:$carry/device-tests.jar:$carry/lib/*:$carry/test-lib/*"
python="$(command -v python3 || command -v python || true)"

{ date -u; uname -a; nvidia-smi 2>&1 | head -n 20; "$java" -version 2>&1;
  [ -n "$python" ] && "$python" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)' 2>&1; } \
  > "$out/machine.txt"
: > "$out/summary.txt"

run_step() { # name, time limit (s), command...
  local name="$1" limit="$2"; shift 2
  case " $steps " in *" $name "*) ;; *) return 0 ;; esac
  local start rc
  start=$(date +%s)
  echo "== $name (at most ${limit} s)"
  timeout "$limit" "$@" > "$out/$name.txt" 2>&1
  rc=$?
  echo "$name: exit $rc after $(( $(date +%s) - start )) s$([ "$rc" = 124 ] && echo ' (time limit)')" | tee -a "$out/summary.txt"
  tail -n 12 "$out/$name.txt"
}

bench=("$java" "${jvm[@]}" -jar "$carry/bookcheck.jar" bench --backend gpu --shape S,M,full --warmup 5 --steps 20)
torch=("$python" bench/gpu/torch_reference.py --shape S,M,full --warmup 5 --steps 20)

run_step conformance 170 "$java" "${jvm[@]}" -cp "$classpath" org.bookcheck.gpu.DeviceCheck
run_step bench-fp32 110 "${bench[@]}"
run_step torch-fp32 70 "${torch[@]}"
run_step bench-tf32 90 "${bench[@]}" --tf32
run_step torch-tf32 60 "${torch[@]}" --tf32
echo "results in $out"
grep -q "exit [^0]" "$out/summary.txt" && exit 1
exit 0
