package org.bookcheck.gpu;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import org.bookcheck.backend.Backend;
import org.bookcheck.backend.BackendConformance;

/** The GPU backend passes the kernel conformance suite; skipped, saying where it looked, on a machine without one. */
@AddLifecycleHook(value = GpuAvailability.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class GpuBackendConformanceProperties extends BackendConformance {

    @Override
    protected Backend backend() {
        return GpuAvailability.backend();
    }
}
