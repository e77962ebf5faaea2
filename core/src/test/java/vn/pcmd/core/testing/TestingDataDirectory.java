package vn.pcmd.core.testing;

import vn.pcmd.core.data.DataDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A scratch copy of the repository's {@code data/} folder that a test may break on purpose. */
public final class TestingDataDirectory {
    private TestingDataDirectory() {}

    /** The repository's own data folder (Surefire sets pcmd.home to the checkout). */
    public static DataDirectory repository() {
        return DataDirectory.locate();
    }

    public static DataDirectory copyOfRepository(Path target) {
        Path source = repository().root();
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DataDirectory(target);
    }

    /** Rewrites one line (1-based, the header being line 1) of a data file. */
    public static void editLine(Path file, int line, UnaryOperator<String> edit) {
        List<String> lines = new ArrayList<>(read(file));
        lines.set(line - 1, edit.apply(lines.get(line - 1)));
        write(file, lines);
    }

    public static void appendLine(Path file, String line) {
        List<String> lines = new ArrayList<>(read(file));
        lines.add(line);
        write(file, lines);
    }

    /** The 1-based line on which a value first appears at the start of a line (a row's key). */
    public static int lineStartingWith(Path file, String prefix) {
        List<String> lines = read(file);
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).startsWith(prefix)) {
                return index + 1;
            }
        }
        throw new IllegalArgumentException("No line of " + file + " starts with " + prefix);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
