package org.bookcheck.kernel;

/**
 * The one place kernels go multithreaded: a shared {@link WorkerTeam} sized to the machine (or to
 * the system property {@code bookcheck.threads}), a global switch back to serial, and
 * {@link #forRange} that splits an index range into contiguous chunks.
 *
 * <p>Handing out a loop allocates nothing. So that a training step allocates nothing either, a kernel
 * passes a reused loop object rather than a capturing lambda (which would be a new object per call):
 * a small {@link RangeBody} class whose fields are the call's arguments, one instance per calling
 * thread (a {@code ThreadLocal}). It keeps the last call's arrays reachable until the next call.
 *
 * <p>Kernels only ever split work by <em>output</em> element, never along a sum, so the order of
 * every floating-point reduction is the same whatever the thread count: results are bit-identical
 * for 1 and N threads.
 */
public final class Parallel {

    /** Body of a parallel loop over the half-open index range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** Below this much work (about one multiply-add per unit) a loop stays on the calling thread. */
    public static final long DEFAULT_MIN_WORK = 32_768;

    private static volatile int threads = initialThreads();
    private static volatile long minWork = DEFAULT_MIN_WORK;
    private static volatile WorkerTeam team = newTeam(threads);

    private Parallel() {
    }

    /** How many threads loops use; 1 means serial. */
    public static int threads() {
        return threads;
    }

    /** Sets the thread count for all later loops (1 turns threading off). */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        if (n != threads) {
            WorkerTeam old = team;
            team = newTeam(n);
            threads = n;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    /** Sets how much work a loop must have before it is split; 0 splits every loop (for tests). */
    public static void setMinWork(long work) {
        if (work < 0) {
            throw new IllegalArgumentException("minimum work must be ≥ 0, got " + work);
        }
        minWork = work;
    }

    /** The current minimum work for a split. */
    public static long minWork() {
        return minWork;
    }

    /**
     * Runs body over [0, n), split into at most {@link #threads()} contiguous chunks when the whole
     * loop does at least {@link #minWork()} units of work ({@code workPerIndex} units per index).
     * A loop started while the team runs another (from inside a chunk, or from a second thread) runs
     * on its own thread.
     */
    public static void forRange(int n, long workPerIndex, RangeBody body) {
        run(n, 1, n, workPerIndex, body);
    }

    /**
     * Like {@link #forRange} over [0, n), but every chunk except the last starts and ends on a
     * multiple of {@code align}, so which elements fall in a vector body and which in a scalar tail
     * depends only on n, never on the thread count.
     */
    public static void forAligned(int n, int align, long workPerIndex, RangeBody body) {
        run((n + align - 1) / align, align, n, workPerIndex * align, body);
    }

    /** Where chunk c of {@code chunks} starts: the c-th equal share of the blocks, in elements, at most limit. */
    static int chunkStart(int blocks, int chunks, int c, int align, int limit) {
        return (int) Math.min(limit, (long) blocks * c / chunks * align);
    }

    /** Runs body over [0, limit), split by blocks of {@code align} elements. */
    private static void run(int blocks, int align, int limit, long workPerBlock, RangeBody body) {
        int chunks = Math.min(threads, blocks);
        WorkerTeam t = team;
        if (chunks <= 1 || (long) blocks * workPerBlock < minWork || t == null
                || !t.tryRun(body, blocks, chunks, align, limit)) {
            if (limit > 0) {
                body.run(0, limit);
            }
        }
    }

    private static int initialThreads() {
        String property = System.getProperty("bookcheck.threads");
        if (property != null && !property.isBlank()) {
            try {
                int n = Integer.parseInt(property.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the machine's size: a bad property must not stop the program
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static WorkerTeam newTeam(int n) {
        // The calling thread runs the first chunk itself, so the team needs one thread fewer.
        return n <= 1 ? null : new WorkerTeam(n - 1);
    }
}
