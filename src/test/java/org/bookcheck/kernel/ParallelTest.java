package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The parallel loop: which chunks it hands out and to which threads, what happens to a failure in
 * a chunk, loops started inside loops or from two threads at once (never a deadlock: each test has a
 * time limit so a hang fails rather than stalls the build), and that handing out a loop allocates
 * nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParallelTest {

    @AfterEach
    void restore() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
        Parallel.setMinWork(Parallel.DEFAULT_MIN_WORK);
    }

    /** The chunks a loop ran, as "from-to@thread kind", in start order. */
    private static List<String> chunks(Runnable loop, List<String> seen) {
        loop.run();
        List<String> sorted = new ArrayList<>(seen);
        Collections.sort(sorted, (x, y) -> Integer.compare(Integer.parseInt(x.substring(0, x.indexOf('-'))),
                Integer.parseInt(y.substring(0, y.indexOf('-')))));
        return sorted;
    }

    private static String where() {
        return Thread.currentThread().getName().startsWith("bookcheck-kernel-") ? "worker" : "caller";
    }

    @Test
    void tenIndicesOnThreeThreadsAreThreeEqualSharesTheCallerTakingTheFirst() {
        Parallel.setThreads(3);
        Parallel.setMinWork(0);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        // 10 · 1/3 = 3.33 → 3, 10 · 2/3 = 6.67 → 6.
        assertEquals(List.of("0-3@caller", "3-6@worker", "6-10@worker"),
                chunks(() -> Parallel.forRange(10, 1, (from, to) -> seen.add(from + "-" + to + "@" + where())), seen));
    }

    @Test
    void alignedChunksStartOnMultiplesOfTheAlignmentAndTheLastTakesTheTail() {
        Parallel.setThreads(2);
        Parallel.setMinWork(0);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        // 10 elements in blocks of 4: blocks [0, 3), split 3 · 1/2 = 1 → elements [0, 4) and [4, 10).
        assertEquals(List.of("0-4@caller", "4-10@worker"),
                chunks(() -> Parallel.forAligned(10, 4, 1, (from, to) -> seen.add(from + "-" + to + "@" + where())), seen));
    }

    @Test
    void aLoopBelowTheMinimumWorkRunsWhole() {
        Parallel.setThreads(2);
        Parallel.setMinWork(1_000);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        // 10 indices × 99 units = 990 < 1,000.
        assertEquals(List.of("0-10@caller"),
                chunks(() -> Parallel.forRange(10, 99, (from, to) -> seen.add(from + "-" + to + "@" + where())), seen));
        seen.clear();
        // 10 × 100 = 1,000: split.
        assertEquals(List.of("0-5@caller", "5-10@worker"),
                chunks(() -> Parallel.forRange(10, 100, (from, to) -> seen.add(from + "-" + to + "@" + where())), seen));
    }

    @Test
    void anEmptyLoopRunsNothing() {
        Parallel.setThreads(2);
        Parallel.setMinWork(0);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Parallel.forRange(0, 1, (from, to) -> seen.add(from + "-" + to));
        Parallel.forAligned(0, 8, 1, (from, to) -> seen.add(from + "-" + to));
        assertEquals(List.of(), seen);
    }

    @Test
    void aFailureInAWorkersChunkReachesTheCallerAndTheTeamWorksOn() {
        Parallel.setThreads(2);
        Parallel.setMinWork(0);
        IllegalStateException planted = new IllegalStateException("chunk 5-10");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forRange(10, 1,
                (from, to) -> {
                    if (from == 5) {
                        throw planted;
                    }
                }));
        assertSame(planted, thrown);
        int[] out = new int[10];
        Parallel.forRange(10, 1, (from, to) -> fill(out, from, to));
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, out);
    }

    @Test
    void aFailureInTheCallersChunkWaitsForTheWorkersThenIsThrown() {
        Parallel.setThreads(2);
        Parallel.setMinWork(0);
        int[] out = new int[10];
        assertThrows(ArithmeticException.class, () -> Parallel.forRange(10, 1, (from, to) -> {
            if (from == 0) {
                throw new ArithmeticException("chunk 0-5");
            }
            fill(out, from, to);
        }));
        // The worker's half was written before the caller returned.
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, out);
    }

    @Test
    void failuresInBothChunksKeepTheCallersAndAttachTheWorkers() {
        Parallel.setThreads(2);
        Parallel.setMinWork(0);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forRange(10, 1,
                (from, to) -> {
                    throw new IllegalStateException("chunk " + from + "-" + to);
                }));
        assertEquals("chunk 0-5", thrown.getMessage());
        assertEquals(1, thrown.getSuppressed().length);
        assertEquals("chunk 5-10", thrown.getSuppressed()[0].getMessage());
    }

    @Test
    void aLoopInsideAChunkRunsOnThatChunksThread() {
        Parallel.setThreads(2);
        Parallel.setMinWork(0);
        int[] out = new int[100];
        List<String> inner = Collections.synchronizedList(new ArrayList<>());
        Parallel.forRange(10, 1, (from, to) -> {
            for (int row = from; row < to; row++) {
                int r = row;
                String outer = where();
                Parallel.forRange(10, 1, (f, t) -> {
                    inner.add(outer + ">" + where());
                    fill(out, r * 10 + f, r * 10 + t);
                });
            }
        });
        assertArrayEquals(ones(100), out);
        assertEquals(10, inner.size());
        assertTrue(inner.stream().allMatch(s -> s.equals("caller>caller") || s.equals("worker>worker")), inner::toString);
    }

    @Test
    void twoThreadsLoopingAtOnceBothGetEveryIndex() throws InterruptedException {
        Parallel.setThreads(2);
        Parallel.setMinWork(0);
        int rounds = 2_000;
        int[][] outs = {new int[64], new int[64]};
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int[] out : outs) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        Parallel.forRange(out.length, 1, (from, to) -> fill(out, from, to));
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(null, failure.get());
        int[] expected = new int[64];
        java.util.Arrays.fill(expected, rounds);
        assertArrayEquals(expected, outs[0]);
        assertArrayEquals(expected, outs[1]);
    }

    @Test
    void changingTheThreadCountBetweenLoopsKeepsEveryIndex() {
        Parallel.setMinWork(0);
        int[] out = new int[30];
        for (int n : new int[] {1, 2, 3, 4, 1, 3}) {
            Parallel.setThreads(n);
            Parallel.forRange(out.length, 1, (from, to) -> fill(out, from, to));
        }
        int[] expected = new int[30];
        java.util.Arrays.fill(expected, 6);
        assertArrayEquals(expected, out);
    }

    @Test
    void handingOutALoopAllocatesNothing() {
        Parallel.setThreads(2);
        Parallel.setMinWork(0);
        int[] out = new int[64];
        Parallel.RangeBody body = (from, to) -> fill(out, from, to);
        Parallel.forRange(out.length, 1, body);
        AllocationMeter meter = new AllocationMeter();
        assumeTrue(meter.supported(), "this JVM does not count allocation per thread");
        assertEquals(2, meter.threadCount(), "the caller and one worker");
        int calls = 2_000;
        long bytes = meter.bytesAllocatedBy(() -> {
            for (int i = 0; i < calls; i++) {
                Parallel.forRange(out.length, 1, body);
                Parallel.forAligned(out.length, 8, 1, body);
            }
        });
        // A closure or task per call would be at least 16 bytes each, 64,000 bytes in all; the slack is
        // for the counters' own reading.
        assertTrue(bytes < 1_024, "allocated " + bytes + " bytes in " + 2 * calls + " loops");
        int[] expected = new int[64];
        java.util.Arrays.fill(expected, 1 + 2 * calls);
        assertArrayEquals(expected, out);
    }

    private static void fill(int[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i]++;
        }
    }

    private static int[] ones(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }
}
