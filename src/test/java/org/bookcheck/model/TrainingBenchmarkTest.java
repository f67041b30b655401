package org.bookcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmark shapes' sizes and model FLOPs, worked by hand from the layout. */
class TrainingBenchmarkTest {

    @Test
    void fullIsGpt2SmallsShapeWithTheByteVocabulary() {
        // wte 256·768 + wpe 1024·768 + 12 blocks of (LN 4·768, QKV 768·2304 + 2304, W_O 768·768 + 768,
        // FC 768·3072 + 3072, proj 3072·768 + 768) = 7,087,872 each, + final LN 2·768.
        assertEquals(86_039_040, new ParameterLayout(TrainingBenchmark.FULL.model()).size());
        assertEquals(8192, TrainingBenchmark.FULL.tokensPerStep());
        assertEquals(TrainingBenchmark.FULL, TrainingBenchmark.shape("FULL"));
    }

    @Test
    void modelFlopsAreSixNPerTokenPlusTheAttentionProducts() {
        // S: N = 834,304 − wpe 64·128 = 826,112; per token 6·826,112 + 12·4·64·128 = 5,349,888; × 512 tokens.
        assertEquals(2_739_142_656.0, TrainingBenchmark.S.flopsPerStep());
        // full: N = 86,039,040 − 786,432 = 85,252,608; per token 6N + 12·12·1024·768 = 511,515,648 + 113,246,208; × 8192 tokens.
        assertEquals(5_118_049_124_352.0, TrainingBenchmark.FULL.flopsPerStep());
    }
}
