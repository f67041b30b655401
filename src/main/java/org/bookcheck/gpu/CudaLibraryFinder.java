package org.bookcheck.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the CUDA libraries are found at run time, in this order: the folders given with
 * {@code --cuda-lib}, those on {@code LD_LIBRARY_PATH}, the CUDA toolkits' {@code lib64} folders
 * ({@code /usr/local/cuda*}), the {@code nvidia/*}{@code /lib} folders of Python environments
 * (python3's site-packages, {@code $VIRTUAL_ENV}, {@code $CONDA_PREFIX}, {@code ./.venv},
 * {@code ~/.venv}, {@code /opt/conda}), and the system's library folders (where the driver puts
 * libcuda). A library is any file named {@code lib<name>.so} or {@code lib<name>.so.<version>}.
 */
public final class CudaLibraryFinder {

    private final List<Path> folders;

    /** A finder over these folders, searched in order (missing ones are skipped, but listed as looked at). */
    public CudaLibraryFinder(List<Path> folders) {
        this.folders = List.copyOf(new LinkedHashSet<>(folders));
    }

    /** The folders of this machine, as the class comment orders them, with the given ones first. */
    public static CudaLibraryFinder forThisMachine(List<Path> given) {
        String home = System.getProperty("user.home", "");
        List<Path> environments = new ArrayList<>();
        for (String variable : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                environments.add(Path.of(value));
            }
        }
        environments.add(Path.of(".venv").toAbsolutePath());
        environments.add(Path.of(home, ".venv"));
        environments.add(Path.of("/opt/conda"));
        environments.add(Path.of("/usr/local"));
        environments.add(Path.of("/usr"));
        List<Path> sitePackages = new ArrayList<>(pythonSitePackages());
        for (Path env : environments) {
            sitePackages.addAll(children(env.resolve("lib"), "python3*", "site-packages"));
            sitePackages.addAll(children(env.resolve("lib"), "python3*", "dist-packages"));
        }
        return new CudaLibraryFinder(folders(given, System.getenv("LD_LIBRARY_PATH"), Path.of("/usr/local"), sitePackages,
                List.of(Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/usr/lib64"), Path.of("/usr/lib/wsl/lib"),
                        Path.of("/usr/local/nvidia/lib64"), Path.of("/usr/lib"))));
    }

    /**
     * The search order from its parts: given folders, the LD_LIBRARY_PATH entries, {@code cuda*}/lib64
     * and {@code cuda*}/targets/x86_64-linux/lib under the toolkit root (newest name first), each
     * site-packages' {@code nvidia/*}{@code /lib} (and {@code lib64}), then the system folders.
     */
    static List<Path> folders(List<Path> given, String ldLibraryPath, Path toolkitRoot, List<Path> sitePackages, List<Path> system) {
        List<Path> out = new ArrayList<>(given);
        if (ldLibraryPath != null) {
            for (String entry : ldLibraryPath.split(":")) {
                if (!entry.isBlank()) {
                    out.add(Path.of(entry));
                }
            }
        }
        for (Path toolkit : children(toolkitRoot, "cuda*")) {
            out.add(toolkit.resolve("lib64"));
            out.add(toolkit.resolve("targets/x86_64-linux/lib"));
        }
        for (Path site : sitePackages) {
            List<Path> packages = children(site.resolve("nvidia"), "*");
            if (packages.isEmpty()) {
                out.add(site.resolve("nvidia/*/lib")); // listed so that the message names this environment too
            }
            for (Path pkg : packages) {
                out.add(pkg.resolve("lib"));
                out.add(pkg.resolve("lib64"));
            }
        }
        out.addAll(system);
        return out;
    }

    /** The folders searched, in order. */
    public List<Path> folders() {
        return folders;
    }

    /** The first file lib{name}.so or lib{name}.so.N… in the first folder that has one. */
    public Optional<Path> find(String name) {
        for (Path folder : folders) {
            Optional<Path> hit = inFolder(folder, name);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /** The library or an exception whose message lists every folder looked in and what to do. */
    public Path require(String name, String what) {
        return find(name).orElseThrow(() -> new GpuUnavailableException(missing(name, what)));
    }

    /** The message for a library not found. */
    String missing(String name, String what) {
        StringBuilder b = new StringBuilder("--backend gpu needs " + what + " (lib" + name + ".so*), which is in none of the "
                + folders.size() + " folders searched:");
        for (Path f : folders) {
            b.append("\n  ").append(f).append(Files.isDirectory(f) ? "" : "  (no such folder)");
        }
        b.append(name.equals("cuda") ? "\nInstall the NVIDIA driver (libcuda comes with it), or name the folder that holds it with"
                + " --cuda-lib DIR." : "\nInstall the CUDA toolkit or pip install nvidia-cublas nvidia-cuda-nvrtc, or name the folder"
                + " that holds it with --cuda-lib DIR.");
        return b.toString();
    }

    private static Optional<Path> inFolder(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        String exact = "lib" + name + ".so";
        try (Stream<Path> files = Files.list(folder)) {
            // Prefer the unversioned name, then the shortest versioned one (the SONAME, e.g. libcuda.so.1).
            return files.filter(p -> {
                String f = p.getFileName().toString();
                return f.equals(exact) || (f.startsWith(exact + ".") && f.substring(exact.length() + 1).matches("[0-9.]+"));
            }).filter(Files::isReadable).min(Comparator.comparingInt((Path p) -> p.getFileName().toString().length())
                    .thenComparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Sub-folders of parent matching the glob, then (if given) the named child of each, sorted newest name first. */
    private static List<Path> children(Path parent, String glob, String... then) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return out;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(parent, glob)) {
            for (Path p : dir) {
                Path q = then.length == 0 ? p : p.resolve(then[0]);
                if (Files.isDirectory(q)) {
                    out.add(q);
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(Path::toString).reversed());
        return out;
    }

    /** site.getsitepackages() of python3 on the PATH, if there is one (two seconds at most). */
    private static List<Path> pythonSitePackages() {
        Set<Path> out = new LinkedHashSet<>();
        try {
            Process p = new ProcessBuilder("python3", "-c",
                    "import site\nfor p in site.getsitepackages() + [site.getusersitepackages()]: print(p)")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("/")) {
                    out.add(Path.of(line.trim()));
                }
            }
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ArrayList<>(out);
    }
}
