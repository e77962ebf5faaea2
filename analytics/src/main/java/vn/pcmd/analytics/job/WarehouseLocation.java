package vn.pcmd.analytics.job;

import vn.pcmd.core.units.Vintage;

import java.util.Optional;

/**
 * Where a run of the jobs reads the warehouse's committed batches and commits its marts, as locations an engine
 * reads and writes: {@link LocalWarehouse} is a folder on this machine; the Spark module adds any
 * Hadoop-compatible file system (file:, hdfs:, s3a:). Whatever the file system, a mart is replaced whole: readers
 * see the old file or the new one, never part of it.
 */
public interface WarehouseLocation {
    /** The warehouse, for messages. */
    String describe();

    /** Every committed batch's file of a table, as one glob for the engines; empty when no batch holds that file. */
    Optional<String> batchFiles(String fileName);

    /** The marts' folder, {@code marts/}. */
    String martsLocation();

    /** The mart of a job for a vintage: {@code marts/<mart>/vintage=<v>.parquet}. */
    default String martFile(String mart, Vintage vintage) {
        return martsLocation() + "/" + mart + "/vintage=" + vintage.code() + ".parquet";
    }

    /**
     * Makes ready the place the engine writes a mart's new file to (its folder exists, nothing stale is there) and
     * returns it; the file becomes the mart on {@link #commitMart}.
     */
    String stageMart(String mart, Vintage vintage);

    /** Makes the staged file the mart, replacing the previous one in one step. */
    void commitMart(String mart, Vintage vintage);
}
