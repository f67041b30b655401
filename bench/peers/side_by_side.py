#!/usr/bin/env python3
"""`bookcheck bench` against the PyTorch peer, alternately, at the same shapes and threads.

Run through run.sh, which points torch and numpy at OpenBLAS first. Each round runs, per shape,
`./bookcheck bench` and then gpt2_peer.py, so that both programs see the same machine state; the
report gives every round's medians, the median over rounds of each program and their ratio, the
GFLOP/s of a step (6·N·B·T + 12·L·B·T²·C), and, with --sgemm, OpenBLAS's own sgemm at 2048² as the
ceiling (numpy's float32 matmul) beside JMH's figure for bookcheck's GEMM at the same size.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PEER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gpt2_peer.py")
# name: (T, C, heads, layers, batch, parameters), as org.bookcheck.model.TrainingBenchmark
SHAPES = {"S": (64, 128, 4, 4, 8, 834_304), "M": (128, 256, 8, 6, 8, 4_837_376)}


def step_flops(shape):
    t, c, _, layers, b, n = SHAPES[shape]
    return 6 * n * b * t + 12 * layers * b * t * t * c


def run(cmd, env=None):
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def bookcheck(shape, args):
    out = run(["./bookcheck", "bench", "--shape", shape, "--threads", str(args.threads), "--warmup", str(args.warmup),
               "--steps", str(args.steps)])
    for line in out.splitlines():
        cols = line.split()
        if cols and cols[0] == shape:
            return float(cols[3]), float(cols[4]), float(cols[5])
    sys.exit(f"no result line for {shape} in bookcheck's output:\n{out}")


def peer(shape, args):
    out = run([sys.executable, PEER, "--shape", shape, "--threads", str(args.threads), "--warmup", str(args.warmup),
               "--steps", str(args.steps)])
    m = re.search(r"peer (\w+) params (\d+) median ([\d.]+) min ([\d.]+) max ([\d.]+)", out)
    if not m:
        sys.exit(f"no result line in the peer's output:\n{out}")
    return float(m.group(3)), float(m.group(4)), float(m.group(5))


def blas_in_use():
    """The BLAS library a process that imported torch and numpy actually mapped, read from /proc/self/maps."""
    code = ("import numpy, torch; a = torch.ones(64, 64); (a @ a).sum(); numpy.ones((64, 64), 'f') @ numpy.ones((64, 64), 'f');"
            "import os; print('\\n'.join(sorted({os.path.realpath(l.split()[-1]) for l in open('/proc/self/maps')"
            " if 'blas' in l.lower() and '/' in l})))")
    return run([sys.executable, "-c", code]).split()


# The products of a dense layer at the benchmark models' shapes (m×k×n), as MatmulBenchmark names them.
GEMM_SHAPES = ["512x128x384", "512x512x128", "1024x256x768", "1024x256x1024", "1024x1024x256", "2048x2048x2048"]
GEMM_FORMS = ["AB", "AtB", "ABt"]


def sgemm_ceiling(args):
    """OpenBLAS's sgemm through numpy (float32), GFLOP/s median and best per form and shape.

    AtB multiplies a k×m array's transpose and ABt an n×k array's transpose: numpy hands the transposed views to
    sgemm with the transpose flags, so OpenBLAS reads them in place, as bookcheck's kernels do."""
    code = f"""
import time, statistics, numpy as np
rng = np.random.default_rng(1)
for shape in {GEMM_SHAPES!r}:
    m, k, n = map(int, shape.split("x"))
    for form in {GEMM_FORMS!r}:
        a = rng.standard_normal((k, m) if form == "AtB" else (m, k)).astype(np.float32)
        b = rng.standard_normal((n, k) if form == "ABt" else (k, n)).astype(np.float32)
        x = a.T if form == "AtB" else a
        y = b.T if form == "ABt" else b
        c = x @ y
        reps = max(5, min({args.sgemm_reps}, int(2e10 / (2 * m * k * n))))
        times = []
        for _ in range(reps):
            t0 = time.perf_counter(); c = x @ y; times.append(time.perf_counter() - t0)
        print(form, shape, 2 * m * k * n / statistics.median(times) / 1e9, 2 * m * k * n / min(times) / 1e9)
"""
    out = {}
    for line in run([sys.executable, "-c", code]).splitlines():
        form, shape, median, best = line.split()
        out[(form, shape)] = (float(median), float(best))
    return out


def jmh_gemm(args):
    """bookcheck's GEMM in JMH at the same forms and shapes, GFLOP/s (the flops counter's throughput)."""
    out = run(["mvn", "-B", "-q", "-Pjmh", "test-compile", "exec:exec",
               f"-Djmh.args=MatmulBenchmark -p form={','.join(GEMM_FORMS)} -p shape={','.join(GEMM_SHAPES)}"
               f" -p threads={args.threads} -f 1 -wi 3 -i 5 -w 1s -r 1s -rf text -rff target/jmh-result.text"])
    # the summary's counter lines: MatmulBenchmark.product:flops  AB  2048x2048x2048  2  thrpt  5  <score> ± <err>  ops/s
    found = {}
    for line in out.splitlines():
        if line.startswith("MatmulBenchmark.product:flops") and "thrpt" in line:
            cols = line.replace(",", "").split()
            form, shape = cols[1], cols[2]
            after = cols[cols.index("thrpt") + 2:]
            found[(form, shape)] = float(after[0]) / 1e9
    if len(found) != len(GEMM_FORMS) * len(GEMM_SHAPES):
        sys.exit(f"JMH gave {len(found)} of {len(GEMM_FORMS) * len(GEMM_SHAPES)} products:\n{out}")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", default="S,M")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--sgemm", action="store_true", help="also OpenBLAS's sgemm 2048² and bookcheck's GEMM in JMH")
    parser.add_argument("--sgemm-reps", type=int, default=20)
    args = parser.parse_args()
    shapes = [s.strip().upper() for s in args.shape.split(",")]

    blas = blas_in_use()
    print(f"date: {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}; load: {os.getloadavg()[0]:.2f}")
    print(f"BLAS mapped by torch and numpy: {', '.join(blas) or 'none'}")
    if not any("openblas" in b for b in blas):
        sys.exit("torch does not use OpenBLAS here: run this through bench/peers/run.sh (it sets LD_LIBRARY_PATH)")
    results = {s: ([], []) for s in shapes}
    for r in range(1, args.rounds + 1):
        for s in shapes:
            ours = bookcheck(s, args)
            theirs = peer(s, args)
            results[s][0].append(ours)
            results[s][1].append(theirs)
            print(f"round {r} {s}: bookcheck median {ours[0]:.1f} ms (min {ours[1]:.1f}, max {ours[2]:.1f}); "
                  f"pytorch median {theirs[0]:.1f} ms (min {theirs[1]:.1f}, max {theirs[2]:.1f}); "
                  f"ratio {ours[0] / theirs[0]:.2f}; load {os.getloadavg()[0]:.2f}", flush=True)
    ours_gflops = {}
    if args.rounds > 0:
        print(f"\n{args.threads} threads, {args.rounds} alternating rounds, {args.steps} timed steps each")
        print(f"{'shape':5} {'bookcheck ms':>13} {'pytorch ms':>11} {'ratio':>6} {'bookcheck GFLOP/s':>18} {'pytorch GFLOP/s':>16}")
        for s in shapes:
            ours = statistics.median(m for m, _, _ in results[s][0])
            theirs = statistics.median(m for m, _, _ in results[s][1])
            ours_gflops[s] = step_flops(s) / ours / 1e6
            print(f"{s:5} {ours:13.1f} {theirs:11.1f} {ours / theirs:6.2f} {ours_gflops[s]:18.1f} "
                  f"{step_flops(s) / theirs / 1e6:16.1f}")
    if args.sgemm:
        env_threads = os.environ.get("OPENBLAS_NUM_THREADS")
        ceiling = sgemm_ceiling(args)
        jmh = jmh_gemm(args)
        print(f"\nGEMM, GFLOP/s: OpenBLAS sgemm through numpy ({env_threads} threads, median of repeats) beside bookcheck's"
              f" (JMH, {args.threads} threads, mean of 5 iterations)")
        print(f"{'form':5} {'m x k x n':>16} {'OpenBLAS':>9} {'bookcheck':>10} {'fraction':>9}")
        for shape in GEMM_SHAPES:
            for form in GEMM_FORMS:
                theirs = ceiling[(form, shape)][0]
                ours = jmh[(form, shape)]
                print(f"{form:5} {shape:>16} {theirs:9.1f} {ours:10.1f} {100 * ours / theirs:8.0f}%")
        square = ceiling[("AB", "2048x2048x2048")][0]
        for s in ours_gflops:
            print(f"step {s}: {ours_gflops[s]:.1f} GFLOP/s = {100 * ours_gflops[s] / square:.0f}% of OpenBLAS's sgemm at 2048²")

if __name__ == "__main__":
    main()
