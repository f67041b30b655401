package org.bookcheck.gpu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * The GPU backend of this machine for the tests, opened once, or why there is none (the message of
 * {@link GpuBackend#open}, which lists where it looked). Folders in {@code BOOKCHECK_CUDA_LIB}
 * (colon-separated) are searched first; {@code BOOKCHECK_TF32=1} asks for TF32 products.
 */
public final class GpuAvailability implements SkipExecutionHook {

    private static GpuBackend backend;
    private static String reason;

    /** The backend, or null when there is none ({@link #reason()} says why). */
    public static synchronized GpuBackend backend() {
        if (backend == null && reason == null) {
            try {
                backend = GpuBackend.open(folders(), "1".equals(System.getenv("BOOKCHECK_TF32")));
            } catch (GpuUnavailableException e) {
                reason = "no GPU backend on this machine: " + e.getMessage();
            }
        }
        return backend;
    }

    /** Why there is no GPU backend (null when there is one). */
    public static synchronized String reason() {
        backend();
        return reason;
    }

    /** The folders of BOOKCHECK_CUDA_LIB. */
    public static List<Path> folders() {
        List<Path> out = new ArrayList<>();
        String env = System.getenv("BOOKCHECK_CUDA_LIB");
        if (env != null) {
            for (String s : env.split(":")) {
                if (!s.isBlank()) {
                    out.add(Path.of(s));
                }
            }
        }
        return out;
    }

    /** jqwik: skips each property when there is no GPU, with the reason (so every one shows as skipped). */
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return context instanceof PropertyLifecycleContext && backend() == null ? SkipResult.skip(reason()) : SkipResult.doNotSkip();
    }
}
