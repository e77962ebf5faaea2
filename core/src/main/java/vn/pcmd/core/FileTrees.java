package vn.pcmd.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A folder and everything below it, deleted or copied as one. */
public final class FileTrees {
    private FileTrees() {}

    /** Deletes the folder (or file) and everything below it, deepest first; nothing to do if it does not exist. */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        for (Path path : walk(root).stream().sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
        }
    }

    /** Copies the folder {@code source} to {@code target} (created, with every folder below it); existing files are not replaced. */
    public static void copyRecursively(Path source, Path target) throws IOException {
        for (Path path : walk(source)) {
            Path destination = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(destination);
            }
            else {
                Files.copy(path, destination);
            }
        }
    }

    private static List<Path> walk(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.toList();
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
