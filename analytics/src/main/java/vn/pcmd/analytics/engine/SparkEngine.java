package vn.pcmd.analytics.engine;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Apache Spark (SQL) running the same job definitions as DuckDB: reference tables become temporary views, each
 * step's SELECT is kept as a persisted view, marts are written as one Parquet file each, like DuckDB's.
 */
public final class SparkEngine implements Engine {
    private final SparkSession spark;
    private final Map<String, Dataset<Row>> persisted = new LinkedHashMap<>();

    public SparkEngine(SparkSession spark) {
        this.spark = spark;
    }

    /** A session for {@code master} (local[2], spark://host:port) tuned for jobs of this size, UI off, bound to loopback when local. */
    public static SparkSession session(String master, int shufflePartitions) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("pcmd-jobs")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.adaptive.enabled", "true");
        if (master.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
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
        Dataset<Row> frame = spark.createDataFrame(rows, schema);
        keep(frame, table.name());
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
        try {
            keep(spark.sql(select), name);
        }
        catch (RuntimeException e) {
            throw new EngineException(e.getMessage() + "\n-- in:\n" + select, e);
        }
    }

    private void keep(Dataset<Row> frame, String name) {
        Dataset<Row> stored = frame.persist(StorageLevel.MEMORY_AND_DISK());
        stored.count();
        stored.createOrReplaceTempView(name);
        Dataset<Row> previous = persisted.put(name, stored);
        if (previous != null) {
            previous.unpersist();
        }
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
        Dataset<Row> stored = persisted.remove(name);
        if (stored != null) {
            stored.unpersist();
        }
    }

    /**
     * Writes one Parquet file, as DuckDB does: Spark writes a folder of parts, so the rows are coalesced into one
     * part (order kept) and that part is moved to the file's place.
     */
    @Override
    public void writeParquet(String table, Path file) {
        write(spark.table(table), file);
    }

    @Override
    public void writeQueryParquet(String select, Path file) {
        write(spark.sql(select), file);
    }

    private void write(Dataset<Row> frame, Path file) {
        Path folder = file.resolveSibling(file.getFileName() + ".spark");
        try {
            deleteRecursively(folder);
            frame.coalesce(1).write().mode(SaveMode.Overwrite).parquet(folder.toUri().toString());
            Path part;
            try (Stream<Path> files = Files.list(folder)) {
                part = files.filter(path -> path.getFileName().toString().startsWith("part-") && path.toString().endsWith(".parquet"))
                        .findFirst().orElseThrow(() -> new IOException("Spark wrote no part file in " + folder));
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            deleteRecursively(folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
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

    @Override
    public void close() {
        persisted.values().forEach(Dataset::unpersist);
        persisted.clear();
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

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path entry : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }
}
