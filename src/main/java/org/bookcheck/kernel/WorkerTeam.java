package org.bookcheck.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of daemon threads that runs the chunks of one parallel loop at a time. Each worker
 * has its own slot that the calling thread fills and the worker empties, so handing out a loop
 * allocates nothing (a fork-join submit allocates a task, a queue entry and a closure per chunk).
 *
 * <p>Waiting threads spin for a short while before they park: kernel calls follow each other within
 * microseconds, and waking a parked thread costs more than that.
 */
final class WorkerTeam {

    /** How long a waiting thread spins before it parks. */
    private static final long SPIN_NANOS = 100_000;

    private static final int IDLE = 0;
    private static final int READY = 1;
    private static final int DONE = 2;
    private static final int STOP = 3;

    private final Worker[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();
    /** The thread waiting for the current loop's chunks; written before any slot is filled. */
    private volatile Thread caller;
    private volatile boolean callerParked;

    /** A team of {@code size} workers, started now. */
    WorkerTeam(int size) {
        workers = new Worker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker(this, "bookcheck-kernel-" + (i + 1));
            workers[i].start();
        }
    }

    /** The number of workers (the calling thread makes one more). */
    int size() {
        return workers.length;
    }

    /**
     * Runs chunk 0 of a loop on the calling thread and chunks 1 to {@code chunks − 1} on the workers,
     * and returns when all are done; chunk c covers [{@link Parallel#chunkStart} of c, of c + 1).
     * Returns false, having run nothing, when the team is running another loop (a loop started from
     * inside a chunk, or from a second thread): the caller then runs the loop itself.
     */
    boolean tryRun(Parallel.RangeBody body, int blocks, int chunks, int align, int limit) {
        if (chunks - 1 > workers.length || !busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            caller = Thread.currentThread();
            for (int c = 1; c < chunks; c++) {
                workers[c - 1].hand(body, Parallel.chunkStart(blocks, chunks, c, align, limit),
                        Parallel.chunkStart(blocks, chunks, c + 1, align, limit));
            }
            Throwable failure = null;
            try {
                body.run(0, Parallel.chunkStart(blocks, chunks, 1, align, limit));
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (int c = 1; c < chunks; c++) {
                failure = first(failure, collect(workers[c - 1]));
            }
            rethrow(failure);
            return true;
        } finally {
            caller = null;
            busy.set(false);
        }
    }

    /** Stops the workers once the loop in progress, if any, is over; the team runs nothing after. */
    void shutdown() {
        while (!busy.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
        for (Worker w : workers) {
            w.state = STOP;
            LockSupport.unpark(w);
        }
    }

    /** Waits until the worker has finished its chunk and empties its slot; its failure, or null. */
    private Throwable collect(Worker w) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (w.state != DONE) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                callerParked = true;
                if (w.state != DONE) {
                    LockSupport.park(this);
                }
                callerParked = false;
            }
        }
        Throwable failure = w.failure;
        w.failure = null;
        w.body = null;
        w.state = IDLE;
        return failure;
    }

    /** Wakes the calling thread if it parked while waiting for a chunk. */
    private void chunkDone() {
        if (callerParked) {
            Thread t = caller;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    private static Throwable first(Throwable failure, Throwable next) {
        if (failure == null) {
            return next;
        }
        if (next != null && next != failure) {
            failure.addSuppressed(next);
        }
        return failure;
    }

    private static void rethrow(Throwable failure) {
        switch (failure) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException("a kernel chunk failed", failure);
        }
    }

    /** One worker thread and its slot: the chunk to run, and how it ended. */
    private static final class Worker extends Thread {

        private final WorkerTeam team;
        volatile int state = IDLE;
        private volatile boolean parked;
        // Plain fields: written before the volatile state that publishes them, read after it.
        Parallel.RangeBody body;
        int from;
        int to;
        Throwable failure;

        Worker(WorkerTeam team, String name) {
            super(name);
            this.team = team;
            setDaemon(true);
        }

        /** Fills the slot and wakes the worker; called only while the slot is idle. */
        void hand(Parallel.RangeBody body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
            state = READY;
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            while (awaitChunk()) {
                try {
                    body.run(from, to);
                } catch (Throwable t) {
                    failure = t;
                }
                state = DONE;
                team.chunkDone();
            }
        }

        /** Waits for a chunk; false when the team stops. */
        private boolean awaitChunk() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            int s;
            while ((s = state) != READY && s != STOP) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (state == IDLE || state == DONE) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    // An interrupt would make every later park return at once; workers ignore interrupts.
                    Thread.interrupted();
                }
            }
            return s == READY;
        }
    }
}
