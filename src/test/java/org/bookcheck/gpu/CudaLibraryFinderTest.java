package org.bookcheck.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library search on a fake tree: its order, the file names it takes, and the message when nothing is found. */
class CudaLibraryFinderTest {

    @TempDir
    Path root;

    private Path file(String path) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "not really a library");
        return p;
    }

    @Test
    void searchesGivenThenLdLibraryPathThenToolkitsThenPythonThenSystem() throws IOException {
        Files.createDirectories(root.resolve("toolkits/cuda-12.4"));
        Files.createDirectories(root.resolve("toolkits/cuda-13.0"));
        Files.createDirectories(root.resolve("site/nvidia/cu13"));
        List<Path> folders = CudaLibraryFinder.folders(List.of(root.resolve("given")), root + "/ld1::" + root + "/ld2",
                root.resolve("toolkits"), List.of(root.resolve("site"), root.resolve("empty-site")), List.of(root.resolve("sys")));
        assertEquals(List.of(root.resolve("given"), root.resolve("ld1"), root.resolve("ld2"),
                root.resolve("toolkits/cuda-13.0/lib64"), root.resolve("toolkits/cuda-13.0/targets/x86_64-linux/lib"),
                root.resolve("toolkits/cuda-12.4/lib64"), root.resolve("toolkits/cuda-12.4/targets/x86_64-linux/lib"),
                root.resolve("site/nvidia/cu13/lib"), root.resolve("site/nvidia/cu13/lib64"), root.resolve("empty-site/nvidia/*/lib"),
                root.resolve("sys")), folders);
    }

    @Test
    void findsTheVersionedSonameInTheFirstFolderThatHasOne() throws IOException {
        file("a/libnvrtc.alt.so.13");
        file("a/libnvrtc-builtins.so.13.0");
        Path wanted = file("b/libnvrtc.so.13");
        file("b/libnvrtc.so.13.0.88");
        file("c/libnvrtc.so");
        CudaLibraryFinder finder = new CudaLibraryFinder(List.of(root.resolve("a"), root.resolve("b"), root.resolve("c")));
        assertEquals(Optional.of(wanted), finder.find("nvrtc"));
    }

    @Test
    void prefersTheUnversionedName() throws IOException {
        file("a/libcuda.so.1");
        Path plain = file("a/libcuda.so");
        assertEquals(Optional.of(plain), new CudaLibraryFinder(List.of(root.resolve("a"))).find("cuda"));
    }

    @Test
    void aMissingLibraryListsEveryFolderAndWhatToDo() throws IOException {
        Files.createDirectories(root.resolve("there"));
        CudaLibraryFinder finder = new CudaLibraryFinder(List.of(root.resolve("there"), root.resolve("gone")));
        GpuUnavailableException e = assertThrows(GpuUnavailableException.class, () -> finder.require("cublas", "cuBLAS"));
        assertEquals("--backend gpu needs cuBLAS (libcublas.so*), which is in none of the 2 folders searched:\n  " + root.resolve("there")
                + "\n  " + root.resolve("gone") + "  (no such folder)\nInstall the CUDA toolkit or pip install nvidia-cublas"
                + " nvidia-cuda-nvrtc, or name the folder that holds it with --cuda-lib DIR.", e.getMessage());
    }

    @Test
    void thisMachinesSearchPutsTheGivenFolderFirst() {
        CudaLibraryFinder finder = CudaLibraryFinder.forThisMachine(List.of(root));
        assertEquals(root, finder.folders().getFirst());
        assertTrue(finder.folders().contains(Path.of("/usr/lib/x86_64-linux-gnu")), finder.folders().toString());
    }
}
