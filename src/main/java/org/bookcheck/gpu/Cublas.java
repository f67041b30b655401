package org.bookcheck.gpu;

import static org.bookcheck.gpu.NativeLibrary.INT;
import static org.bookcheck.gpu.NativeLibrary.LONG;
import static org.bookcheck.gpu.NativeLibrary.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * cuBLAS's single-precision products, column-major as BLAS is ({@link RowMajorGemm} turns the
 * model's row-major products into these calls). Signatures from cublas_api.h: {@code cublasStatus_t},
 * {@code cublasOperation_t} and {@code cublasMath_t} are ints, the handle is a pointer, α and β are
 * host pointers (the default pointer mode), device matrices are {@code float*} (passed as the
 * 64-bit device address), batch strides are {@code long long}.
 */
final class Cublas {

    /** CUBLAS_DEFAULT_MATH: products in float32. */
    static final int DEFAULT_MATH = 0;
    /** CUBLAS_TF32_TENSOR_OP_MATH: products on tensor cores with TF32 inputs, float32 sums. */
    static final int TF32_TENSOR_OP_MATH = 3;

    private final MethodHandle sgemm;
    private final MethodHandle sgemmStridedBatched;
    private final MethodHandle destroy;
    private final MemorySegment handle;
    private final MemorySegment alpha;
    private final MemorySegment beta;

    Cublas(NativeLibrary lib, boolean tf32) {
        MethodHandle create = lib.function("cublasCreate_v2", PTR);
        MethodHandle setMathMode = lib.function("cublasSetMathMode", PTR, INT);
        // cublasSgemm_v2(handle, transa, transb, m, n, k, const float* alpha, const float* A, int lda,
        //         const float* B, int ldb, const float* beta, float* C, int ldc)
        sgemm = lib.function("cublasSgemm_v2", PTR, INT, INT, INT, INT, INT, PTR, LONG, INT, LONG, INT, PTR, LONG, INT);
        // cublasSgemmStridedBatched(handle, transa, transb, m, n, k, alpha, A, lda, long long strideA,
        //         B, ldb, long long strideB, beta, C, ldc, long long strideC, int batchCount)
        sgemmStridedBatched = lib.function("cublasSgemmStridedBatched", PTR, INT, INT, INT, INT, INT, PTR, LONG, INT, LONG, LONG,
                INT, LONG, PTR, LONG, INT, LONG, INT);
        destroy = lib.function("cublasDestroy_v2", PTR);
        Arena arena = Arena.ofAuto();
        alpha = arena.allocate(NativeLibrary.FLOAT);
        beta = arena.allocate(NativeLibrary.FLOAT);
        MemorySegment out = arena.allocate(PTR);
        try {
            check((int) create.invokeExact(out), "cublasCreate");
            handle = out.get(PTR, 0);
            check((int) setMathMode.invokeExact(handle, tf32 ? TF32_TENSOR_OP_MATH : DEFAULT_MATH), "cublasSetMathMode");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** One column-major product C = α·op(A)·op(B) + β·C. */
    void gemm(RowMajorGemm g, float a, float b) {
        alpha.set(NativeLibrary.FLOAT, 0, a);
        beta.set(NativeLibrary.FLOAT, 0, b);
        try {
            check((int) sgemm.invokeExact(handle, g.opA(), g.opB(), g.m(), g.n(), g.k(), alpha, g.a(), g.lda(), g.b(), g.ldb(), beta,
                    g.c(), g.ldc()), "cublasSgemm");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} products, the i-th on A + i·strideA, B + i·strideB, C + i·strideC (strides in floats). */
    void gemmBatched(RowMajorGemm g, float a, float b, long strideA, long strideB, long strideC, int count) {
        alpha.set(NativeLibrary.FLOAT, 0, a);
        beta.set(NativeLibrary.FLOAT, 0, b);
        try {
            check((int) sgemmStridedBatched.invokeExact(handle, g.opA(), g.opB(), g.m(), g.n(), g.k(), alpha, g.a(), g.lda(),
                    g.swapped() ? strideB : strideA, g.b(), g.ldb(), g.swapped() ? strideA : strideB, beta, g.c(), g.ldc(), strideC,
                    count), "cublasSgemmStridedBatched");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    void close() {
        try {
            int ignored = (int) destroy.invokeExact(handle);
        } catch (Throwable e) {
            // closing at exit: nothing left to do with a handle that will not close
        }
    }

    private static void check(int status, String what) {
        if (status != 0) {
            throw new IllegalStateException("cuBLAS: " + what + " failed with status " + status);
        }
    }
}
