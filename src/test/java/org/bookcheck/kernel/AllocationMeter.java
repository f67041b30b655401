package org.bookcheck.kernel;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes allocated on the heap by the calling thread and the kernel workers together (HotSpot's
 * per-thread counters), so a test can tell whether a piece of work allocates; other threads of the
 * JVM (the test runner's) are not counted.
 */
public final class AllocationMeter {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long[] ids;

    /** A meter of the calling thread and the kernel workers alive now. */
    public AllocationMeter() {
        List<Long> found = new ArrayList<>();
        found.add(Thread.currentThread().threadId());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("bookcheck-kernel-")) {
                found.add(t.threadId());
            }
        }
        ids = found.stream().mapToLong(Long::longValue).toArray();
    }

    /** Whether the JVM counts allocation per thread at all. */
    public boolean supported() {
        return threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
    }

    /** How many threads are metered: the caller and the workers. */
    public int threadCount() {
        return ids.length;
    }

    /** Bytes the metered threads allocated while work ran (the count's own array is made before). */
    public long bytesAllocatedBy(Runnable work) {
        long[] before = new long[ids.length];
        long[] after = new long[ids.length];
        read(before);
        work.run();
        read(after);
        long total = 0;
        for (int i = 0; i < ids.length; i++) {
            total += Math.max(0, after[i]) - Math.max(0, before[i]);
        }
        return total;
    }

    private void read(long[] into) {
        for (int i = 0; i < ids.length; i++) {
            into[i] = ids[i] == Thread.currentThread().threadId()
                    ? threads.getCurrentThreadAllocatedBytes() : threads.getThreadAllocatedBytes(ids[i]);
        }
    }
}
