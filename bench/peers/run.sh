#!/bin/sh
# The side-by-side of issue 11: `bookcheck bench` and the PyTorch peer, alternately, same shapes and threads.
#
#   bench/peers/run.sh --install               once, as root: Debian's python3-torch, numpy and OpenBLAS
#   bench/peers/run.sh [--threads 2] [--rounds 3] [--steps 20] [--warmup 10] [--shape S,M] [--sgemm]
#
# Debian's torch and numpy link libblas.so.3, which the alternatives system may resolve to the reference
# BLAS (some 20× slower, meaningless as a peer). Putting OpenBLAS's pthread build first on the library path
# makes both load OpenBLAS whatever the alternatives say; side_by_side.py checks /proc/self/maps and stops
# when it is not so.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# Debian's python3-torch is installed for the system's Python, which a pyenv or venv on PATH would hide.
python=${PYTHON:-/usr/bin/python3}
if [ "${1:-}" = "--install" ]; then
    shift
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-torch python3-numpy \
        libopenblas0-pthread
    # --install alone installs; with more options it goes on to run them.
    [ "$#" -eq 0 ] && exit 0
fi
arch=$("$python" -c "import sysconfig; print(sysconfig.get_config_var('MULTIARCH') or 'x86_64-linux-gnu')")
openblas=/usr/lib/$arch/openblas-pthread
if [ ! -e "$openblas/libblas.so.3" ]; then
    echo "OpenBLAS (pthread) is not installed at $openblas: run $0 --install as root first" >&2
    exit 2
fi
threads=2
prev=
for a in "$@"; do
    [ "$prev" = "--threads" ] && threads=$a
    prev=$a
done
export LD_LIBRARY_PATH="$openblas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# PASSIVE: torch's OpenMP threads sleep between parallel regions instead of spinning against OpenBLAS's own
# threads on the same cores; measured on 2 cores it is the peer's best setting (S 56 ms against 111-159 ms spinning).
export OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads" OMP_WAIT_POLICY=PASSIVE
exec "$python" "$here/side_by_side.py" "$@"
