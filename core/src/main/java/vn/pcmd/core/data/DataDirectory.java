package vn.pcmd.core.data;

import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The {@code data/} folder: catalog, targets and administrative units, read at run time so that a new
 * plan's targets or the 2026–2030 forms are added as files, not code.
 */
public record DataDirectory(Path root) {
    public static final String DATA_PROPERTY = "pcmd.data";
    public static final String HOME_PROPERTY = "pcmd.home";
    public static final String HOME_ENVIRONMENT = "PCMD_HOME";

    public DataDirectory {
        requireNonNull(root, "root is null");
    }

    /**
     * Finds the data folder: the {@code pcmd.data} system property, else {@code data/} under the
     * {@code pcmd.home} property or the {@code PCMD_HOME} variable (set by ./pcmd), else the nearest
     * {@code data/} above the working directory.
     */
    public static DataDirectory locate() {
        String explicit = System.getProperty(DATA_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return checked(Path.of(explicit));
        }
        String home = System.getProperty(HOME_PROPERTY, System.getenv(HOME_ENVIRONMENT));
        if (home != null && !home.isBlank()) {
            return checked(Path.of(home).resolve("data"));
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("data/catalog/periods.csv"))) {
                return new DataDirectory(directory.resolve("data"));
            }
        }
        throw new IllegalStateException("Cannot find the data folder (data/catalog/periods.csv): run from the PCMD Warehouse checkout, "
                + "or set -D" + DATA_PROPERTY + "=PATH or " + HOME_ENVIRONMENT + "=CHECKOUT");
    }

    private static DataDirectory checked(Path root) {
        if (!Files.isRegularFile(root.resolve("catalog/periods.csv"))) {
            throw new IllegalStateException("Not a PCMD data folder (no catalog/periods.csv): " + root.toAbsolutePath());
        }
        return new DataDirectory(root);
    }

    public Path periodsFile() {
        return root.resolve("catalog/periods.csv");
    }

    public Path catalogDirectory(String period) {
        return root.resolve("catalog").resolve(period);
    }

    public Path targetsDirectory() {
        return root.resolve("targets");
    }

    public Path unitsDirectory() {
        return root.resolve("units");
    }
}
