package vn.pcmd.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import vn.pcmd.analytics.job.WarehouseLocation;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The warehouse on any Hadoop-compatible file system (file:, hdfs:, s3a:…), with the layout of
 * {@link Warehouse} (docs/warehouse.md). A mart is replaced in one step, the way the file system allows:
 * <ul>
 * <li>{@code file:} — staged beside its place and renamed over it ({@code rename(2)}), as the local runner does;</li>
 * <li>object stores ({@code s3a:}, {@code gs:}, {@code abfs:}…) — written straight to its place: an object becomes
 * visible whole when its upload completes, replacing the previous one, and a rename there would be a copy;</li>
 * <li>other file systems (HDFS…) — staged and renamed with {@link Options.Rename#OVERWRITE}, which HDFS does in one
 * atomic step.</li>
 * </ul>
 */
public final class HadoopWarehouse implements WarehouseLocation {
    /** Object stores: no real rename, and a single object is replaced atomically by its upload. */
    private static final Set<String> OBJECT_STORES = Set.of("s3a", "s3", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs", "oss", "cosn", "obs");

    private enum Commit {
        POSIX_RENAME,
        IN_PLACE,
        RENAME_OVERWRITE
    }

    private final Configuration configuration;
    private final FileSystem fileSystem;
    private final Path root;
    private final Commit commit;

    /** @param location the warehouse folder: a URI (file:/…, hdfs://namenode/…, s3a://bucket/…) or a local path */
    public HadoopWarehouse(String location, Configuration configuration) {
        requireNonNull(location, "location is null");
        this.configuration = requireNonNull(configuration, "configuration is null");
        try {
            Path path = new Path(location);
            this.fileSystem = path.getFileSystem(configuration);
            this.root = fileSystem.makeQualified(path);
        }
        catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot open warehouse " + location + ": " + e.getMessage(), e);
        }
        // DuckDB neither writes nor reads Hadoop's .crc side files; the warehouse has none
        if (fileSystem instanceof ChecksumFileSystem checksummed) {
            checksummed.setWriteChecksum(false);
        }
        String scheme = root.toUri().getScheme().toLowerCase(Locale.ROOT);
        this.commit = scheme.equals("file") ? Commit.POSIX_RENAME : OBJECT_STORES.contains(scheme) ? Commit.IN_PLACE : Commit.RENAME_OVERWRITE;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    /** The warehouse's folder, qualified (scheme and authority). */
    public String root() {
        return root.toString();
    }

    /** True when the warehouse has been ingested into ({@code batches/} exists). */
    public boolean exists() {
        try {
            return fileSystem.exists(new Path(root, Warehouse.BATCHES));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read warehouse " + root, e);
        }
    }

    @Override
    public Optional<String> batchFiles(String fileName) {
        Path glob = new Path(new Path(root, Warehouse.BATCHES), "*/" + fileName);
        try {
            FileStatus[] found = fileSystem.globStatus(glob);
            return found == null || found.length == 0 ? Optional.empty() : Optional.of(glob.toString());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list the batches of warehouse " + root, e);
        }
    }

    @Override
    public String martsLocation() {
        return new Path(root, "marts").toString();
    }

    @Override
    public String stageMart(String mart, Vintage vintage) {
        Path target = new Path(martFile(mart, vintage));
        try {
            fileSystem.mkdirs(target.getParent());
            if (commit == Commit.IN_PLACE) {
                return target.toString();
            }
            Path staged = staged(mart, vintage);
            fileSystem.delete(staged, false);
            return staged.toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare mart " + target, e);
        }
    }

    @Override
    public void commitMart(String mart, Vintage vintage) {
        Path target = new Path(martFile(mart, vintage));
        Path staged = staged(mart, vintage);
        try {
            switch (commit) {
                case POSIX_RENAME -> Files.move(Paths.get(staged.toUri()), Paths.get(target.toUri()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                case RENAME_OVERWRITE -> FileContext.getFileContext(root.toUri(), configuration).rename(staged, target, Options.Rename.OVERWRITE);
                case IN_PLACE -> {
                    // written in place: the upload's completion was the commit
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write mart " + target, e);
        }
    }

    private Path staged(String mart, Vintage vintage) {
        return new Path(martFile(mart, vintage) + ".tmp");
    }
}
