package org.bookcheck.gpu;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.bookcheck.model.TrainingStepConformance;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The GPU half of the conformance suite without Maven, for a machine that has a GPU but no build
 * tools ({@code bench/gpu/run.sh}): runs {@link GpuBackendConformanceProperties} and
 * {@link GpuTrainingStepTest} and {@link GpuCheckpointTest} through the JUnit Platform launcher, prints every test with its outcome
 * and the small step's report, and exits 0 only when everything ran and passed (a skip, i.e. no
 * GPU, is a failure here).
 */
public final class DeviceCheck {

    private DeviceCheck() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--cpu-dry-run")) {
            // The same launcher, classpath and runtime on the CPU's half of the suite: prepare.sh's check of the carry.
            System.exit(run(selectClass("org.bookcheck.backend.CpuBackendConformanceProperties"),
                    selectClass("org.bookcheck.model.TrainingStepConformanceTest")));
        }
        if (GpuAvailability.backend() == null) {
            System.out.println("FAIL: " + GpuAvailability.reason());
            System.exit(1);
        }
        System.out.println("backend: " + GpuAvailability.backend().describe());
        System.out.println("small step against the CPU: " + TrainingStepConformance.compare(GpuAvailability.backend()));
        int status = run(selectClass(GpuBackendConformanceProperties.class), selectClass(GpuTrainingStepTest.class),
                selectClass(GpuCheckpointTest.class));
        GpuAvailability.backend().close();
        System.exit(status);
    }

    /** Runs the classes, printing each test's outcome and the summary; 0 when all ran and passed. */
    private static int run(DiscoverySelector... classes) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(classes).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary, new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                System.out.println("SKIPPED " + test.getDisplayName() + ": " + reason);
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    System.out.println(result.getStatus() + " " + test.getDisplayName()
                            + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
                }
            }
        });
        summary.getSummary().printTo(new PrintWriter(System.out, true));
        long bad = summary.getSummary().getTotalFailureCount() + summary.getSummary().getTestsSkippedCount()
                + summary.getSummary().getContainersFailedCount();
        boolean ran = summary.getSummary().getTestsSucceededCount() > 0;
        System.out.println(bad == 0 && ran ? "DEVICE CHECK PASSED" : "DEVICE CHECK FAILED");
        return bad == 0 && ran ? 0 : 1;
    }
}
