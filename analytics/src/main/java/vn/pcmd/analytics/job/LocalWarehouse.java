package vn.pcmd.analytics.job;

import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A warehouse folder on this machine: marts are staged beside their place and renamed over it ({@code rename(2)}). */
public final class LocalWarehouse implements WarehouseLocation {
    private final Warehouse warehouse;

    public LocalWarehouse(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    @Override
    public String describe() {
        return warehouse.root().toString();
    }

    @Override
    public Optional<String> batchFiles(String fileName) {
        return warehouse.batches().isEmpty() ? Optional.empty() : Optional.of(warehouse.glob(fileName));
    }

    @Override
    public String martsLocation() {
        return JobRunner.martsDirectory(warehouse).toString();
    }

    @Override
    public String stageMart(String mart, Vintage vintage) {
        Path staged = staged(mart, vintage);
        try {
            Files.createDirectories(staged.getParent());
            Files.deleteIfExists(staged);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare mart " + staged, e);
        }
        return staged.toString();
    }

    @Override
    public void commitMart(String mart, Vintage vintage) {
        Path target = Path.of(martFile(mart, vintage));
        try {
            Files.move(staged(mart, vintage), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write mart " + target, e);
        }
    }

    private Path staged(String mart, Vintage vintage) {
        return Path.of(martFile(mart, vintage) + ".tmp");
    }
}
