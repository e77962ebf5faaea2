package vn.pcmd.ingest;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What the person running ingest says about the files when the files cannot say it themselves. */
public record ReadOptions(Optional<String> unitCode, Optional<String> agency) {
    public static final ReadOptions NONE = new ReadOptions(Optional.empty(), Optional.empty());

    public ReadOptions {
        requireNonNull(unitCode, "unitCode is null");
        requireNonNull(agency, "agency is null");
    }
}
