package org.bookcheck.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.bookcheck.backend.Backend;
import org.bookcheck.backend.CpuBackend;
import org.bookcheck.kernel.Parallel;
import org.junit.jupiter.api.Test;

/** The whole-step comparison passes a backend that computes the same step and fails one that does not. */
class TrainingStepConformanceTest {

    @Test
    void theCpuKernelsOnOneThreadPassAgainstTheDefaultThreads() {
        int before = Parallel.threads();
        try {
            TrainingStepConformance.Report report = TrainingStepConformance.compare(new CpuBackend(1));
            assertTrue(report.passed(), report.toString());
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void aBackendWhoseGeluIsOffByOnePartInAThousandFails() {
        Backend cpu = new CpuBackend();
        Backend wrong = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(cpu, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("gelu")) {
                        Backend.Floats out = (Backend.Floats) args[0];
                        int n = (int) args[2];
                        float[] values = new float[n];
                        cpu.download(out, 0, values, n);
                        for (int i = 0; i < n; i++) {
                            values[i] *= 1.001f;
                        }
                        cpu.upload(values, out, n);
                    }
                    return result;
                });
        TrainingStepConformance.Report report = TrainingStepConformance.compare(wrong);
        assertFalse(report.passed(), report.toString());
    }
}
