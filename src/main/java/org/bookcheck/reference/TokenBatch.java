package org.bookcheck.reference;

import java.util.List;

/** A batch of token sequences processed together, as in the chapter's batch of four sentences. */
public record TokenBatch(List<Tokens> sequences) implements Value {

    public TokenBatch {
        sequences = List.copyOf(sequences);
    }

    @Override
    public String kind() {
        return "batch of token sequences";
    }

    @Override
    public String describeShape() {
        return sequences.size() + " sequences";
    }
}
