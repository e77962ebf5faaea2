package vn.pcmd.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.pcmd.analytics.engine.Column;
import vn.pcmd.analytics.engine.Engine;
import vn.pcmd.analytics.engine.EngineException;
import vn.pcmd.analytics.engine.QueryResult;
import vn.pcmd.analytics.engine.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Apache Spark (SQL) running the same job definitions as DuckDB. What Spark keeps between statements is Parquet in
 * a scratch folder on a file system every executor reads, never rows cached in memory or carried in tasks:
 * <ul>
 * <li>reference tables are written once, so tasks do not carry them, and are broadcast to the joins that read them;</li>
 * <li>steps read more than once ({@link Engine#materialize}) are written and read back, so each reader reads only
 * the columns it needs, in parallel splits, and plans stay short;</li>
 * <li>a mart is written by every task in parallel, sorted as its query says, and the parts' row groups are then
 * copied in order into the one file of the mart, as DuckDB writes it, without decoding them.</li>
 * </ul>
 */
public final class SparkEngine implements Engine {
    /**
     * Rows in a row group of what Spark writes. Spark splits a file between row groups only, and what one task wrote
     * (a step computed from a warehouse batch, which is one row group) would otherwise be read by one task in every
     * later step; DuckDB writes row groups of 122,880 rows.
     */
    static final int ROW_GROUP_ROWS = 131_072;

    private static final Pattern LEADING_SELECT = Pattern.compile("^\\s*select\\b", Pattern.CASE_INSENSITIVE);

    private final SparkSession spark;
    private final Path scratch;
    private final FileSystem scratchFileSystem;

    /**
     * @param scratchFolder where this engine keeps its Parquet (in a new sub-folder, removed on {@link #close()}): on
     *        a cluster, a folder every executor reads, such as one in the warehouse
     */
    public SparkEngine(SparkSession spark, String scratchFolder) {
        this.spark = requireNonNull(spark, "spark is null");
        this.scratch = new Path(requireNonNull(scratchFolder, "scratchFolder is null"), "run-" + UUID.randomUUID());
        try {
            this.scratchFileSystem = scratch.getFileSystem(configuration());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot open the scratch folder " + scratchFolder, e);
        }
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void load(Table table) {
        StructType schema = schema(table.columns());
        List<Row> rows = new ArrayList<>(table.rows().size());
        for (Object[] row : table.rows()) {
            Object[] values = row.clone();
            for (int index = 0; index < values.length; index++) {
                if (values[index] instanceof LocalDate date) {
                    values[index] = Date.valueOf(date);
                }
            }
            rows.add(RowFactory.create(values));
        }
        String location = location("reference", table.name());
        scratchWriter(spark.createDataFrame(rows, schema).coalesce(1)).parquet(location);
        // reference tables are small beside the facts (the largest, the expected reporters, is 60,000 rows): always
        // broadcast, whatever size Spark guesses from the file
        spark.read().parquet(location).hint("broadcast").createOrReplaceTempView(table.name());
    }

    @Override
    public void parquetView(String name, List<String> paths, List<Column> emptySchema) {
        Dataset<Row> frame = paths.isEmpty()
                ? spark.createDataFrame(List.of(), schema(emptySchema))
                : spark.read().option("mergeSchema", "true").parquet(paths.toArray(String[]::new));
        frame.createOrReplaceTempView(name);
    }

    @Override
    public void materialize(String name, String select) {
        String location = location("steps", name);
        try {
            scratchWriter(spark.sql(select)).parquet(location);
        }
        catch (RuntimeException e) {
            throw new EngineException(e.getMessage() + "\n-- in:\n" + select, e);
        }
        spark.read().parquet(location).createOrReplaceTempView(name);
    }

    /**
     * Scratch Parquet is written for one run's readers: without dictionaries and statistics, which cost a third of
     * the writing (hashing and comparing every string) and which no reader here needs.
     */
    private static DataFrameWriter<Row> scratchWriter(Dataset<Row> frame) {
        return frame.write().mode(SaveMode.Overwrite)
                .option("parquet.block.row.count.limit", ROW_GROUP_ROWS)
                .option("parquet.enable.dictionary", false)
                .option("parquet.column.statistics.enabled", false)
                .option("parquet.size.statistics.enabled", false)
                .option("parquet.page.write-checksum.enabled", false);
    }

    @Override
    public void view(String name, String select) {
        try {
            spark.sql(select).createOrReplaceTempView(name);
        }
        catch (RuntimeException e) {
            throw new EngineException(e.getMessage() + "\n-- in:\n" + select, e);
        }
    }

    @Override
    public void drop(String name, boolean view) {
        spark.catalog().dropTempView(name);
        if (!view) {
            delete(new Path(location("steps", name)));
        }
    }

    /**
     * Writes one Parquet file, as DuckDB does. Spark writes a folder of parts, one per task, each in the order of
     * the query (a global ORDER BY range-partitions its rows, so part n holds rows before part n + 1); the parts'
     * row groups are copied in that order into the file, which keeps the row order and lets readers split the file.
     */
    @Override
    public void writeQueryParquet(String select, String location) {
        Path parts = new Path(scratch, "parts-" + UUID.randomUUID());
        try {
            spark.sql(sortedWithoutRecomputing(select)).write().mode(SaveMode.Overwrite).option("parquet.block.row.count.limit", ROW_GROUP_ROWS).parquet(parts.toString());
        }
        catch (RuntimeException e) {
            throw new EngineException(e.getMessage() + "\n-- in:\n" + select, e);
        }
        try {
            concatenate(parts, new Path(location));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + location, e);
        }
        finally {
            delete(parts);
        }
    }

    /**
     * The query, with a {@code REPARTITION} hint on its outermost SELECT when its sort's input computes windows. To
     * range-partition the rows of a global ORDER BY, Spark first runs the sort's input once only to sample its keys,
     * then again to sort it. The hint, which Spark applies below the ORDER BY, makes the sampling read back a shuffle
     * already written instead. That pays where the input is costly per row — windows after joins, as in quality's
     * series and compare's ranks (vintage 2025: a third of each job's time) — and costs where the input is a
     * grouping or joins of many wide rows, cheaper to compute twice than to shuffle once more (rollup and trends
     * 2024, paired runs: 61 → 76 s and 59 → 67 s of CPU with the hint). A statement not starting with SELECT, or
     * without a window, is left as it is.
     */
    String sortedWithoutRecomputing(String select) {
        boolean windows = spark.sql(select).queryExecution().optimizedPlan().find(node -> node instanceof Window).isDefined();
        return windows ? shuffledBeforeSorting(select) : select;
    }

    /** The query with a {@code REPARTITION} hint right after its leading SELECT; any other statement unchanged. */
    static String shuffledBeforeSorting(String select) {
        Matcher leading = LEADING_SELECT.matcher(select);
        if (!leading.find()) {
            return select;
        }
        return select.substring(0, leading.end()) + " /*+ REPARTITION */" + select.substring(leading.end());
    }

    private void concatenate(Path parts, Path target) throws IOException {
        FileStatus[] files = scratchFileSystem.listStatus(parts, path -> path.getName().startsWith("part-"));
        if (files.length == 0) {
            throw new IOException("Spark wrote no part file in " + parts);
        }
        Arrays.sort(files, Comparator.comparing(status -> status.getPath().getName()));
        Configuration configuration = configuration();
        FileMetaData metadata;
        try (ParquetFileReader first = ParquetFileReader.open(HadoopInputFile.fromStatus(files[0], configuration))) {
            metadata = first.getFooter().getFileMetaData();
        }
        ParquetFileWriter writer = new ParquetFileWriter(HadoopOutputFile.fromPath(target, configuration), metadata.getSchema(), ParquetFileWriter.Mode.OVERWRITE,
                ParquetWriter.DEFAULT_BLOCK_SIZE, 0);
        writer.start();
        for (FileStatus file : files) {
            writer.appendFile(HadoopInputFile.fromStatus(file, configuration));
        }
        // Spark's own schema (nullability, types beyond Parquet's) travels in the footer's key-value metadata
        writer.end(metadata.getKeyValueMetaData());
    }

    @Override
    public QueryResult query(String select) {
        Dataset<Row> frame = spark.sql(select);
        List<String> columns = List.of(frame.columns());
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : frame.collectAsList()) {
            List<Object> values = new ArrayList<>(row.size());
            for (int index = 0; index < row.size(); index++) {
                values.add(row.get(index));
            }
            rows.add(values);
        }
        return new QueryResult(columns, rows);
    }

    /** Removes the scratch folder; the session stays open (its owner stops it). */
    @Override
    public void close() {
        delete(scratch);
    }

    private String location(String kind, String name) {
        return new Path(new Path(scratch, kind), name).toString();
    }

    private Configuration configuration() {
        return spark.sparkContext().hadoopConfiguration();
    }

    private void delete(Path path) {
        try {
            scratchFileSystem.delete(path, true);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }

    private static StructType schema(List<Column> columns) {
        List<StructField> fields = new ArrayList<>();
        for (Column column : columns) {
            fields.add(DataTypes.createStructField(column.name(), type(column.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType type(Column.Type type) {
        return switch (type) {
            case VARCHAR -> DataTypes.StringType;
            case INTEGER -> DataTypes.IntegerType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
        };
    }
}
