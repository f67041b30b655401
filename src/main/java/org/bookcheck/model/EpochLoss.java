package org.bookcheck.model;

/** The losses of one finished epoch (counted from 1): mean training loss and held-out loss (NaN without a held-out set). */
public record EpochLoss(int epoch, double trainLoss, double heldOutLoss) {
}
