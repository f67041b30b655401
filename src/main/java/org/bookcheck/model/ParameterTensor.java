package org.bookcheck.model;

import java.util.Arrays;

/** One named parameter tensor of the model: its index among the model's tensors, and its shape. */
public record ParameterTensor(String name, int index, int[] shape) {

    public ParameterTensor {
        shape = shape.clone();
    }

    /** Number of elements. */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Rows of a matrix (1 for a vector). */
    public int rows() {
        return shape.length == 1 ? 1 : shape[0];
    }

    /** Columns of a matrix (the length of a vector). */
    public int cols() {
        return shape[shape.length - 1];
    }

    /** Whether the tensor is a weight matrix (decayed by AdamW) rather than a gain or bias vector. */
    public boolean isMatrix() {
        return shape.length == 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterTensor p && p.name.equals(name) && p.index == index && Arrays.equals(p.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + index;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
