package org.bookcheck.kernel;

/** The two paths of every kernel; a property runs its check on each. */
enum KernelPath {
    VECTOR(true),
    SCALAR(false);

    private final boolean vectorised;

    KernelPath(boolean vectorised) {
        this.vectorised = vectorised;
    }

    /** Runs the check with the kernels switched to this path, then switches back. */
    void run(Runnable check) {
        boolean before = Simd.vectorised();
        Simd.setVectorised(vectorised);
        try {
            check.run();
        } finally {
            Simd.setVectorised(before);
        }
    }
}
