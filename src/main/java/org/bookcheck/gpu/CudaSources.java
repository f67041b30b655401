package org.bookcheck.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The project's own CUDA C kernels, kept as resources beside this class: {@code common.cuh} (warp
 * reductions, the grid-stride loop) and one {@code .cu} per family of kernels. NVRTC gets them as
 * one translation unit: the header once, then every source with its include line taken out.
 */
public final class CudaSources {

    /** The kernel sources, in the order they are joined. */
    public static final List<String> FILES = List.of("elementwise.cu", "layernorm.cu", "embedding.cu", "crossentropy.cu",
            "attention.cu");

    /** The shared header. */
    public static final String HEADER = "common.cuh";

    private CudaSources() {
    }

    /** The text of one resource. */
    public static String read(String file) {
        try (InputStream in = CudaSources.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the CUDA source " + file + " is missing from bookcheck's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All kernels as one source for NVRTC. */
    public static String joined() {
        StringBuilder b = new StringBuilder(read(HEADER).replace("#pragma once", ""));
        for (String f : FILES) {
            b.append("\n// ---- ").append(f).append('\n');
            b.append(read(f).replace("#include \"" + HEADER + "\"", ""));
        }
        return b.toString();
    }
}
