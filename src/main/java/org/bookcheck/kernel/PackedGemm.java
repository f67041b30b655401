package org.bookcheck.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The general float32 matrix product C (+)= A·B on the Vector API, in the layout of BLIS (Van Zee &amp;
 * van de Geijn, 2015, "BLIS: A Framework for Rapidly Instantiating BLAS Functionality"): B is packed
 * KC×NC at a time into micro-panels NR wide, A MC×KC at a time into micro-panels MR tall, and a
 * register-blocked micro-kernel (MR rows × 2 vectors of accumulators) multiplies one pair of
 * micro-panels. A and B are read through strides, so Aᵀ and Bᵀ cost nothing beyond the packing.
 *
 * <p>Every element is its own chain of fused multiply-adds in increasing p, started from C (when
 * accumulating) or from 0, in the micro-kernel's lanes and in its zero-padded edge tiles alike: the
 * result does not depend on the block sizes, the vector width or how the work is split between
 * threads. Packing buffers belong to each thread and are allocated once.
 */
final class PackedGemm {

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = Simd.LANES;
    /** Rows of the register block: 6 × 2 vectors leave registers for B and A even with AVX2's 16. */
    static final int MR = 6;
    /** Columns of the register block: two vectors. */
    static final int NR = 2 * L;
    /** Depth of a packed panel: one KC × NR micro-panel of B (16 KiB) stays in L1 beside A's. */
    static final int KC = 4096 / NR;
    /** Rows of a packed block of A (KC × MC, 48–96 KiB, stays in L2). */
    static final int MC = 16 * MR;
    /** Columns of a packed panel of B (KC × NC floats, 512 KiB). */
    static final int NC = 131_072 / KC;

    /** One thread's packing buffers and edge tile. */
    private static final class Buffers {
        final float[] a = new float[MC * KC];
        final float[] b = new float[KC * NC];
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    // One loop object per calling thread, so a product allocates nothing (see Parallel).
    private static final ThreadLocal<Product> PRODUCT = ThreadLocal.withInitial(Product::new);

    private PackedGemm() {
    }

    /**
     * C(i, j) (+)= Σ_p A(i, p)·B(p, j) for i &lt; m, j &lt; n, p &lt; k, with A(i, p) = a[aOff + i·ars + p·acs],
     * B(p, j) = b[bOff + p·brs + j·bcs] and C(i, j) = c[cOff + i·ldc + j]. Splits the larger of m and n
     * between threads. Modifies c only.
     */
    static void gemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
            float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate, null);
    }

    /**
     * {@link #gemm} that, unless {@code bias} is null, first sets every row of C to bias [n] (then adds the
     * product): the same bits as copying the bias into C and accumulating, without the extra pass over C.
     */
    static void gemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
            float[] c, int cOff, int ldc, boolean accumulate, float[] bias) {
        Product loop = PRODUCT.get();
        loop.m = m;
        loop.n = n;
        loop.k = k;
        loop.a = a;
        loop.aOff = aOff;
        loop.ars = ars;
        loop.acs = acs;
        loop.b = b;
        loop.bOff = bOff;
        loop.brs = brs;
        loop.bcs = bcs;
        loop.c = c;
        loop.cOff = cOff;
        loop.ldc = ldc;
        loop.accumulate = accumulate;
        loop.bias = bias;
        // Each thread packs all of the operand it shares, so split the larger side: less of it is packed twice.
        loop.byColumns = n > m;
        if (loop.byColumns) {
            Parallel.forRange((n + NR - 1) / NR, (long) NR * m * k, loop);
        } else {
            Parallel.forRange((m + MR - 1) / MR, (long) MR * n * k, loop);
        }
    }

    /** {@link #gemm}'s loop over blocks of NR columns or MR rows of C; its fields are the call's arguments. */
    private static final class Product implements Parallel.RangeBody {
        int m;
        int n;
        int k;
        float[] a;
        int aOff;
        int ars;
        int acs;
        float[] b;
        int bOff;
        int brs;
        int bcs;
        float[] c;
        int cOff;
        int ldc;
        boolean accumulate;
        float[] bias;
        boolean byColumns;

        @Override
        public void run(int from, int to) {
            if (byColumns) {
                serial(0, m, from * NR, Math.min(n, to * NR), k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc,
                        accumulate, bias);
            } else {
                serial(from * MR, Math.min(m, to * MR), 0, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc,
                        accumulate, bias);
            }
        }
    }

    /** {@link #gemm} for the block rows [i0, i1) × columns [j0, j1) of C on the calling thread. */
    static void serial(int i0, int i1, int j0, int j1, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff,
            int brs, int bcs, float[] c, int cOff, int ldc, boolean accumulate, float[] bias) {
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        if (bias != null && (k == 0 || !Simd.vectorised())) {
            for (int i = i0; i < i1; i++) {
                System.arraycopy(bias, j0, c, cOff + i * ldc + j0, j1 - j0);
            }
            accumulate = true;
            bias = null;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = i0; i < i1; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc + j0, cOff + i * ldc + j1, 0f);
                }
            }
            return;
        }
        if (!Simd.vectorised()) {
            scalar(i0, i1, j0, j1, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
            return;
        }
        Buffers buf = BUFFERS.get();
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean acc = accumulate || pc > 0 || bias != null;
                float[] start = pc == 0 ? bias : null;
                packB(buf.b, b, bOff + pc * brs + jc * bcs, brs, bcs, kc, nc);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    packA(buf.a, a, aOff + ic * ars + pc * acs, ars, acs, mc, kc);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int cols = Math.min(NR, nc - jr);
                        for (int ir = 0; ir < mc; ir += MR) {
                            int rows = Math.min(MR, mc - ir);
                            int ci = cOff + (ic + ir) * ldc + jc + jr;
                            if (start != null) {
                                // The bias enters C tile by tile, while the tile is about to be loaded anyway.
                                for (int r = 0; r < rows; r++) {
                                    System.arraycopy(start, jc + jr, c, ci + r * ldc, cols);
                                }
                            }
                            if (rows == MR && cols == NR) {
                                kernel(kc, buf.a, ir * kc, buf.b, jr * kc, c, ci, ldc, acc);
                            } else {
                                edge(kc, buf.a, ir * kc, buf.b, jr * kc, buf.tile, c, ci, ldc, rows, cols, acc);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs the mc×kc block of A at {@code off} into micro-panels of MR rows: element (r, p) of panel q
     * goes to dst[q·MR·kc + p·MR + r]; rows past mc are zero.
     */
    private static void packA(float[] dst, float[] a, int off, int ars, int acs, int mc, int kc) {
        for (int q = 0; q < mc; q += MR) {
            int base = q * kc;
            int rows = Math.min(MR, mc - q);
            if (acs == 1) {
                for (int r = 0; r < rows; r++) {
                    int src = off + (q + r) * ars;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * MR + r] = a[src + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = off + q * ars + p * acs;
                    int d = base + p * MR;
                    for (int r = 0; r < rows; r++) {
                        dst[d + r] = a[src + r * ars];
                    }
                }
            }
            for (int r = rows; r < MR; r++) {
                for (int p = 0; p < kc; p++) {
                    dst[base + p * MR + r] = 0f;
                }
            }
        }
    }

    /**
     * Packs the kc×nc panel of B at {@code off} into micro-panels NR wide: element (p, j) of panel q goes
     * to dst[q·NR·kc + p·NR + j]; columns past nc are zero.
     */
    private static void packB(float[] dst, float[] b, int off, int brs, int bcs, int kc, int nc) {
        for (int q = 0; q < nc; q += NR) {
            int base = q * kc;
            int cols = Math.min(NR, nc - q);
            if (bcs == 1 && cols == NR) {
                for (int p = 0; p < kc; p++) {
                    int src = off + p * brs + q;
                    FloatVector.fromArray(S, b, src).intoArray(dst, base + p * NR);
                    FloatVector.fromArray(S, b, src + L).intoArray(dst, base + p * NR + L);
                }
            } else if (bcs == 1) {
                for (int p = 0; p < kc; p++) {
                    int d = base + p * NR;
                    System.arraycopy(b, off + p * brs + q, dst, d, cols);
                    java.util.Arrays.fill(dst, d + cols, d + NR, 0f);
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    int src = off + (q + j) * bcs;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * NR + j] = b[src + p * brs];
                    }
                }
                for (int p = 0; p < kc; p++) {
                    java.util.Arrays.fill(dst, base + p * NR + cols, base + (p + 1) * NR, 0f);
                }
            }
        }
    }

    /**
     * A partial tile (rows &lt; MR or cols &lt; NR): the full micro-kernel on a copy of the tile's part of
     * C, of which only rows × cols are copied back. Padded lanes multiply zeros and are discarded.
     */
    private static void edge(int kc, float[] ap, int ai, float[] bp, int bi, float[] tile, float[] c, int ci, int ldc,
            int rows, int cols, boolean acc) {
        if (acc) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, ci + r * ldc, tile, r * NR, cols);
            }
        }
        kernel(kc, ap, ai, bp, bi, tile, 0, NR, acc);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * NR, c, ci + r * ldc, cols);
        }
    }

    /** The micro-kernel: C[MR × NR at ci] (+)= packed A micro-panel · packed B micro-panel, depth kc. */
    private static void kernel(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean acc) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        FloatVector z = FloatVector.zero(S);
        FloatVector r00 = acc ? FloatVector.fromArray(S, c, ci) : z;
        FloatVector r01 = acc ? FloatVector.fromArray(S, c, ci + L) : z;
        FloatVector r10 = acc ? FloatVector.fromArray(S, c, c1) : z;
        FloatVector r11 = acc ? FloatVector.fromArray(S, c, c1 + L) : z;
        FloatVector r20 = acc ? FloatVector.fromArray(S, c, c2) : z;
        FloatVector r21 = acc ? FloatVector.fromArray(S, c, c2 + L) : z;
        FloatVector r30 = acc ? FloatVector.fromArray(S, c, c3) : z;
        FloatVector r31 = acc ? FloatVector.fromArray(S, c, c3 + L) : z;
        FloatVector r40 = acc ? FloatVector.fromArray(S, c, c4) : z;
        FloatVector r41 = acc ? FloatVector.fromArray(S, c, c4 + L) : z;
        FloatVector r50 = acc ? FloatVector.fromArray(S, c, c5) : z;
        FloatVector r51 = acc ? FloatVector.fromArray(S, c, c5 + L) : z;
        int aEnd = ai + kc * MR;
        for (; ai < aEnd; ai += MR, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            r40 = x.fma(b0, r40);
            r41 = x.fma(b1, r41);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            r50 = x.fma(b0, r50);
            r51 = x.fma(b1, r51);
        }
        r00.intoArray(c, ci);
        r01.intoArray(c, ci + L);
        r10.intoArray(c, c1);
        r11.intoArray(c, c1 + L);
        r20.intoArray(c, c2);
        r21.intoArray(c, c2 + L);
        r30.intoArray(c, c3);
        r31.intoArray(c, c3 + L);
        r40.intoArray(c, c4);
        r41.intoArray(c, c4 + L);
        r50.intoArray(c, c5);
        r51.intoArray(c, c5 + L);
    }

    /** The plain-Java path: c = c + a·b in increasing p, row by row (no fused multiply-add). */
    private static void scalar(int i0, int i1, int j0, int j1, int k, float[] a, int aOff, int ars, int acs, float[] b,
            int bOff, int brs, int bcs, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = i0; i < i1; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci + j0, ci + j1, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * ars + p * acs];
                int bp = bOff + p * brs;
                for (int j = j0; j < j1; j++) {
                    c[ci + j] += aip * b[bp + j * bcs];
                }
            }
        }
    }
}
