package org.bookcheck.backend;

/** The CPU kernels behind the backend seam pass the conformance suite. */
class CpuBackendConformanceProperties extends BackendConformance {

    private final Backend backend = new CpuBackend();

    @Override
    protected Backend backend() {
        return backend;
    }
}
