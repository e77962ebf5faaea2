package vn.pcmd.ingest.warehouse;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A flat Parquet table schema and a writer for rows of it, straight to the RecordConsumer: the warehouse's tables
 * are a few columns of strings, numbers and dates, and millions of rows a national run.
 */
public final class ParquetTable {
    public enum ColumnType {
        STRING,
        INT,
        DOUBLE,
        DATE,
        TIMESTAMP
    }

    /** A column; {@code required} columns may never be null. */
    public record Column(String name, ColumnType type, boolean required) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    /**
     * One Hadoop configuration for every writer, without Hadoop's default resources: parquet-java only needs the class,
     * and loading core-default.xml for each new Configuration cost a visible fraction of a second per file written.
     */
    private static final Configuration CONFIGURATION = new Configuration(false);

    private final String name;
    private final List<Column> columns;
    private final Set<String> textStatistics;
    private final MessageType schema;

    /** A table with min/max statistics on every column. */
    public ParquetTable(String name, List<Column> columns) {
        this(name, columns, columns.stream().map(Column::name).collect(Collectors.toSet()));
    }

    /**
     * A table with min/max statistics on its numbers and dates, and on the text columns named in {@code textStatistics}
     * only: those whose range in a file is narrow enough for a reader to skip the file.
     */
    public ParquetTable(String name, List<Column> columns, Set<String> textStatistics) {
        this.name = requireNonNull(name, "name is null");
        this.columns = List.copyOf(columns);
        this.textStatistics = Set.copyOf(textStatistics);
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Column column : columns) {
            Type.Repetition repetition = column.required() ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
            builder.addField(switch (column.type()) {
                case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType()).named(column.name());
                case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(column.name());
                case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(column.name());
                case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.dateType()).named(column.name());
                case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(column.name());
            });
        }
        this.schema = builder.named(name);
    }

    public List<Column> columns() {
        return columns;
    }

    public MessageType schema() {
        return schema;
    }

    public Writer open(Path file) throws IOException {
        return new Writer(new LocalOutputFile(file));
    }

    /**
     * Writes rows given as arrays in column order: String (or its UTF-8 {@link Binary}), Integer, Double, LocalDate,
     * Instant, or null.
     */
    public final class Writer implements AutoCloseable {
        private final ParquetWriter<Object[]> writer;
        private long rows;

        private Writer(OutputFile file) throws IOException {
            Builder builder = new Builder(file)
                    .withConf(CONFIGURATION)
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withDictionaryEncoding(true)
                    .withRowGroupSize(64L * 1024 * 1024)
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                    .withSizeStatisticsEnabled(false);
            // min/max of numbers and dates always; of texts only where the table asks (each value compared byte by byte).
            // Size statistics (bytes per value, which a reader may use to plan its memory) are left out: neither DuckDB nor
            // Spark reads them
            for (Column column : columns) {
                if (column.type() == ColumnType.STRING && !textStatistics.contains(column.name())) {
                    builder.withStatisticsEnabled(column.name(), false);
                }
            }
            this.writer = builder.build();
        }

        public void write(Object... row) throws IOException {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("Table " + name + " has " + columns.size() + " columns, not " + row.length);
            }
            writer.write(row);
            rows++;
        }

        public long rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    private final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration configuration) {
            return new RowWriteSupport();
        }
    }

    private final class RowWriteSupport extends WriteSupport<Object[]> {
        private RecordConsumer consumer;

        @Override
        public WriteContext init(Configuration configuration) {
            Map<String, String> metadata = new HashMap<>();
            metadata.put("pcmd.table", name);
            return new WriteContext(schema, metadata);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Object[] row) {
            consumer.startMessage();
            for (int index = 0; index < row.length; index++) {
                Object value = row[index];
                Column column = columns.get(index);
                if (value == null) {
                    if (column.required()) {
                        throw new IllegalArgumentException("Column " + column.name() + " of " + name + " is required");
                    }
                    continue;
                }
                consumer.startField(column.name(), index);
                switch (column.type()) {
                    case STRING -> consumer.addBinary(value instanceof Binary binary ? binary : Binary.fromString((String) value));
                    case INT -> consumer.addInteger((Integer) value);
                    case DOUBLE -> consumer.addDouble((Double) value);
                    case DATE -> consumer.addInteger((int) ((LocalDate) value).toEpochDay());
                    case TIMESTAMP -> consumer.addLong(((Instant) value).toEpochMilli());
                }
                consumer.endField(column.name(), index);
            }
            consumer.endMessage();
        }
    }
}
