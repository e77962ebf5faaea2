package vn.pcmd.ingest.warehouse;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A flat Parquet table schema and a writer for rows of it. The warehouse's tables are a few columns of strings,
 * numbers and dates, millions of rows in a national run, and most of their values repeat from row to row: every
 * fact of a submission carries its submission, unit and file. So the writer is columnar and dictionary-first: every
 * column keeps a dictionary per row group, and a value that is the very object of the row before costs one
 * comparison of references, not a hash of its text. Pages are encoded as parquet-java encodes them (data page v1,
 * PLAIN_DICTIONARY ids in the RLE/bit-packed hybrid, PLAIN dictionaries, Snappy), and parquet-java's
 * {@link ParquetFileWriter} lays out the column chunks, statistics, page indexes and footer; its record writer, which
 * hashed every value of every row into its dictionaries, is not used.
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

    /** Rows per data page, as parquet-java's default page row limit. */
    static final int PAGE_ROWS = 20_000;
    /**
     * Rows per row group. A national partition (about 500,000 facts of Phụ lục IIA in one year) is one row group; the bound keeps a row group's
     * dictionaries and buffered pages small however many forms one run takes.
     */
    static final int ROW_GROUP_ROWS = 1 << 20;

    /**
     * One Hadoop configuration for every writer, without Hadoop's default resources: parquet-java only needs the class,
     * and loading core-default.xml for each new Configuration cost a visible fraction of a second per file written.
     */
    private static final Configuration CONFIGURATION = new Configuration(false);
    /** parquet-java's defaults (page checksums, index truncation), without size statistics, which no reader of ours uses. */
    private static final ParquetProperties PROPERTIES = ParquetProperties.builder().withSizeStatisticsEnabled(false).build();

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

    /** The position of a column in a row. */
    public int columnIndex(String columnName) {
        for (int index = 0; index < columns.size(); index++) {
            if (columns.get(index).name().equals(columnName)) {
                return index;
            }
        }
        throw new IllegalArgumentException("Table " + name + " has no column " + columnName);
    }

    public MessageType schema() {
        return schema;
    }

    /** A row to fill column by column, for {@link Writer#write(Row)}; it may be filled again for the next row. */
    public Row newRow() {
        return new Row();
    }

    /**
     * A row of this table, reused from row to row. Its numbers are kept unboxed: the writers of millions of rows (every
     * fact has a year and a figure) would otherwise make two objects per row only for the writer to open them again.
     */
    public final class Row {
        private final Object[] values = new Object[columns.size()];
        private final long[] bits = new long[columns.size()];

        private Row() {}

        private ParquetTable table() {
            return ParquetTable.this;
        }

        /** Sets a value of any column's type, or null, as {@link Writer#write(Object...)} takes it. */
        public Row set(int column, Object value) {
            values[column] = value;
            return this;
        }

        public Row setInt(int column, int value) {
            return setBits(column, ColumnType.INT, value);
        }

        public Row setDouble(int column, double value) {
            return setBits(column, ColumnType.DOUBLE, Double.doubleToRawLongBits(value));
        }

        private Row setBits(int column, ColumnType type, long value) {
            if (columns.get(column).type() != type) {
                throw new IllegalArgumentException("Column " + columns.get(column).name() + " of " + name + " is " + columns.get(column).type() + ", not " + type);
            }
            values[column] = UNBOXED;
            bits[column] = value;
            return this;
        }
    }

    /** Stands in a {@link Row} for a number kept in its bits. */
    private static final Object UNBOXED = new Object();

    public Writer open(Path file) throws IOException {
        return new Writer(file, PAGE_ROWS, ROW_GROUP_ROWS);
    }

    /** A writer with smaller pages and row groups, so that a test can cross their bounds with a few rows. */
    Writer open(Path file, int pageRows, int rowGroupRows) throws IOException {
        return new Writer(file, pageRows, rowGroupRows);
    }

    /**
     * Writes rows given as arrays in column order: String, Integer, Double, LocalDate, Instant, or null. The writer
     * keeps no reference to a row's array, so a caller may fill the same one again for the next row. Not thread-safe.
     */
    public final class Writer implements AutoCloseable {
        private final ParquetFileWriter file;
        private final CodecFactory codecs;
        private final CompressionCodecFactory.BytesInputCompressor compressor;
        private final ColumnBuffer[] buffers;
        private final int pageRows;
        private final int rowGroupRows;
        private ColumnChunkPageWriteStore rowGroup;
        private int rowsInPage;
        private int rowsInRowGroup;
        private long rows;
        private boolean closed;

        private Writer(Path path, int pageRows, int rowGroupRows) throws IOException {
            this.pageRows = pageRows;
            this.rowGroupRows = rowGroupRows;
            this.file = new ParquetFileWriter(new LocalOutputFile(path), schema, ParquetFileWriter.Mode.CREATE,
                    ParquetWriter.DEFAULT_BLOCK_SIZE, ParquetWriter.MAX_PADDING_SIZE_DEFAULT, null, PROPERTIES);
            this.codecs = new CodecFactory(CONFIGURATION, PROPERTIES.getPageSizeThreshold());
            this.compressor = codecs.getCompressor(CompressionCodecName.SNAPPY);
            List<ColumnDescriptor> descriptors = schema.getColumns();
            this.buffers = new ColumnBuffer[columns.size()];
            for (int index = 0; index < buffers.length; index++) {
                Column column = columns.get(index);
                boolean statistics = column.type() != ColumnType.STRING || textStatistics.contains(column.name());
                buffers[index] = new ColumnBuffer(column, descriptors.get(index), pageRows, statistics);
            }
            file.start();
        }

        public void write(Object... row) throws IOException {
            if (row.length != buffers.length) {
                throw new IllegalArgumentException("Table " + name + " has " + buffers.length + " columns, not " + row.length);
            }
            write(row, null);
        }

        public void write(Row row) throws IOException {
            if (row.table() != ParquetTable.this) {
                throw new IllegalArgumentException("A row of another table than " + name);
            }
            write(row.values, row.bits);
        }

        private void write(Object[] values, long[] bits) throws IOException {
            // every value is checked before any is kept, so a refused row leaves the columns aligned; the object of the
            // row before was checked then, and an unboxed number when it was set
            for (int index = 0; index < values.length; index++) {
                if (values[index] != buffers[index].previous && values[index] != UNBOXED) {
                    buffers[index].check(values[index]);
                }
            }
            boolean dictionaryFull = false;
            for (int index = 0; index < values.length; index++) {
                dictionaryFull |= buffers[index].add(values[index], bits == null ? 0 : bits[index]);
            }
            rows++;
            rowsInRowGroup++;
            if (++rowsInPage == pageRows) {
                flushPage();
            }
            if (rowsInRowGroup == rowGroupRows || dictionaryFull) {
                flushRowGroup();
            }
        }

        public long rows() {
            return rows;
        }

        private void flushPage() throws IOException {
            if (rowsInPage == 0) {
                return;
            }
            if (rowGroup == null) {
                rowGroup = new ColumnChunkPageWriteStore(compressor, schema, PROPERTIES.getAllocator(), PROPERTIES.getColumnIndexTruncateLength(),
                        PROPERTIES.getPageWriteChecksumEnabled());
            }
            for (ColumnBuffer buffer : buffers) {
                buffer.writePage(rowGroup.getPageWriter(buffer.descriptor), rowsInPage);
            }
            rowsInPage = 0;
        }

        private void flushRowGroup() throws IOException {
            flushPage();
            if (rowsInRowGroup == 0) {
                return;
            }
            // the dictionary pages go first in each column chunk, ahead of the data pages buffered since the row group began
            for (ColumnBuffer buffer : buffers) {
                buffer.writeDictionary(rowGroup.getPageWriter(buffer.descriptor));
            }
            file.startBlock(rowsInRowGroup);
            rowGroup.flushToFileWriter(file);
            file.endBlock();
            rowGroup.close();
            rowGroup = null;
            rowsInRowGroup = 0;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                flushRowGroup();
                file.end(Map.of("pcmd.table", name));
            }
            finally {
                // after a failure the file is left unfinished, but closed: its batch is abandoned
                if (rowGroup != null) {
                    rowGroup.close();
                }
                file.close();
                codecs.release();
            }
        }
    }

    /** The size of a value of a fixed-size type in a PLAIN dictionary page. */
    private static int plainBytes(ColumnType type) {
        return switch (type) {
            case STRING -> throw new IllegalArgumentException("A text's size is its length in UTF-8");
            case INT, DATE -> Integer.BYTES;
            case DOUBLE, TIMESTAMP -> Long.BYTES;
        };
    }

    /**
     * One column's values since the last page, as ids in a dictionary that lives as long as the row group. A value is
     * found by reference first (the same object as the row before), then in the dictionary: a text by its own hash
     * and equality, every other type by the 64 bits it is written as. Every type is dictionary-encoded, as parquet-java
     * does: the figures too repeat (small counts, yes/no), and their dictionary halves the file.
     */
    private final class ColumnBuffer {
        private final Column column;
        private final ColumnDescriptor descriptor;
        private final Class<?> valueClass;
        private final boolean statistics;
        /** A text column's ids. */
        private final TextIds textIds = new TextIds();
        /** The UTF-8 of a text column's dictionary, in id order, made once per value and row group. */
        private final List<byte[]> texts = new ArrayList<>();
        /** Every other column's ids, by the value's bits as written (see {@link #bits}). */
        private final LongIds longIds = new LongIds();
        /** Those bits, in id order. */
        private long[] dictionaryBits = new long[64];
        private int dictionarySize;
        /** The size of the dictionary page, PLAIN-encoded. */
        private long dictionaryBytes;
        private final int[] pageIds;
        /** 1 for a value, 0 for a null, for each row of the page; only an optional column keeps them. */
        private final int[] definitionLevels;
        private int valuesInPage;
        private int nullsInPage;
        /** The value kept last, never null: the next row's same object is its id again, and already checked. */
        private Object previous;
        /** The bits of the number kept last, of a column of numbers, dates or instants. */
        private long previousBits;
        private int previousId = -1;
        private Statistics<?> pageStatistics;
        /** The page each id's value was last given to the statistics in: min and max do not change with a value seen again. */
        private int[] countedInPage = new int[64];
        private int page = 1;

        ColumnBuffer(Column column, ColumnDescriptor descriptor, int pageRows, boolean statistics) {
            this.column = column;
            this.descriptor = descriptor;
            this.statistics = statistics;
            this.valueClass = switch (column.type()) {
                case STRING -> String.class;
                case INT -> Integer.class;
                case DOUBLE -> Double.class;
                case DATE -> LocalDate.class;
                case TIMESTAMP -> Instant.class;
            };
            this.pageIds = new int[pageRows];
            this.definitionLevels = column.required() ? null : new int[pageRows];
            this.pageStatistics = newStatistics();
        }

        void check(Object value) {
            if (value == null) {
                if (column.required()) {
                    throw new IllegalArgumentException("Column " + column.name() + " of " + name + " is required");
                }
                return;
            }
            if (value.getClass() != valueClass) {
                throw new IllegalArgumentException("Column " + column.name() + " of " + name + " holds " + valueClass.getSimpleName() + ", not "
                        + value.getClass().getSimpleName());
            }
        }

        /**
         * Keeps a checked value, or the number in {@code unboxedBits} if the value is {@link #UNBOXED}; returns whether
         * the column's dictionary has reached its bound, which ends the row group.
         */
        boolean add(Object value, long unboxedBits) {
            int row = valuesInPage + nullsInPage;
            if (value == null) {
                definitionLevels[row] = 0;
                nullsInPage++;
                pageStatistics.incrementNumNulls();
                return false;
            }
            if (definitionLevels != null) {
                definitionLevels[row] = 1;
            }
            int id;
            if (column.type() == ColumnType.STRING) {
                if (value == previous) {
                    id = previousId;
                }
                else {
                    String text = (String) value;
                    id = textIds.get(text);
                    if (id < 0) {
                        id = newText(text);
                    }
                    previousId = id;
                }
            }
            else {
                long bits = value == UNBOXED ? unboxedBits : bits(value);
                if (bits == previousBits && previousId >= 0) {
                    id = previousId;
                }
                else {
                    id = longIds.get(bits);
                    if (id < 0) {
                        id = newBits(bits);
                    }
                    previousBits = bits;
                    previousId = id;
                }
            }
            previous = value;
            pageIds[valuesInPage++] = id;
            if (statistics && countedInPage[id] != page) {
                countedInPage[id] = page;
                updateStatistics(id);
            }
            // parquet-java gives up a dictionary past this size and writes the values plainly; a new row group starts one afresh
            return dictionaryBytes >= PROPERTIES.getDictionaryPageSizeThreshold();
        }

        /**
         * A value of a type other than text as the 64 bits it is written as: an int, a date's day or an instant's
         * millisecond widened, a double's raw bits (so -0.0 and 0.0 stay two values, as parquet-java keeps them).
         */
        private long bits(Object value) {
            return switch (column.type()) {
                case INT -> (Integer) value;
                case DOUBLE -> Double.doubleToRawLongBits((Double) value);
                case DATE -> ((LocalDate) value).toEpochDay();
                case TIMESTAMP -> ((Instant) value).toEpochMilli();
                case STRING -> throw new IllegalStateException("A text has no bits");
            };
        }

        private int newText(String value) {
            int id = newId();
            textIds.put(value, id);
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            texts.add(text);
            dictionaryBytes += Integer.BYTES + text.length;
            return id;
        }

        private int newBits(long bits) {
            int id = newId();
            longIds.put(bits, id);
            if (id == dictionaryBits.length) {
                dictionaryBits = Arrays.copyOf(dictionaryBits, id * 2);
            }
            dictionaryBits[id] = bits;
            dictionaryBytes += plainBytes(column.type());
            return id;
        }

        private int newId() {
            int id = dictionarySize++;
            if (id == countedInPage.length) {
                countedInPage = Arrays.copyOf(countedInPage, id * 2);
            }
            return id;
        }

        private void updateStatistics(int id) {
            switch (column.type()) {
                case STRING -> pageStatistics.updateStats(Binary.fromConstantByteArray(texts.get(id)));
                case INT, DATE -> pageStatistics.updateStats((int) dictionaryBits[id]);
                case DOUBLE -> pageStatistics.updateStats(Double.longBitsToDouble(dictionaryBits[id]));
                case TIMESTAMP -> pageStatistics.updateStats(dictionaryBits[id]);
            }
        }

        private Statistics<?> newStatistics() {
            return statistics ? Statistics.createStats(descriptor.getPrimitiveType()) : Statistics.noopStats(descriptor.getPrimitiveType());
        }

        /**
         * Writes the page as parquet-java's v1 pages are: the definition levels (an optional column's only), their
         * length first, in the RLE/bit-packed hybrid; then the ids' bit width and the ids in the same hybrid.
         */
        void writePage(PageWriter writer, int rows) throws IOException {
            BytesInput levels = BytesInput.empty();
            if (definitionLevels != null) {
                byte[] encoded = hybrid(1, definitionLevels, rows);
                levels = BytesInput.concat(BytesInput.fromInt(encoded.length), BytesInput.from(encoded));
            }
            // a page of nulls only has no values, and needs no dictionary: a reader refuses dictionary ids without one
            BytesInput values = BytesInput.empty();
            Encoding encoding = Encoding.PLAIN;
            if (valuesInPage > 0) {
                int bitWidth = BytesUtils.getWidthFromMaxInt(dictionarySize - 1);
                values = BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}), BytesInput.from(hybrid(bitWidth, pageIds, valuesInPage)));
                encoding = Encoding.PLAIN_DICTIONARY;
            }
            // a required column has no levels at all, which parquet-java reports as BIT_PACKED
            writer.writePage(BytesInput.concat(levels, values), rows, rows, pageStatistics, Encoding.BIT_PACKED,
                    definitionLevels == null ? Encoding.BIT_PACKED : Encoding.RLE, encoding);
            valuesInPage = 0;
            nullsInPage = 0;
            pageStatistics = newStatistics();
            page++;
        }

        private byte[] hybrid(int bitWidth, int[] values, int count) throws IOException {
            try (RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 1024, PROPERTIES.getPageSizeThreshold(),
                    PROPERTIES.getAllocator())) {
                for (int index = 0; index < count; index++) {
                    encoder.writeInt(values[index]);
                }
                return encoder.toBytes().toByteArray();
            }
        }

        /** The row group's dictionary, PLAIN-encoded; then a new dictionary for the next row group. */
        void writeDictionary(PageWriter writer) throws IOException {
            if (dictionarySize == 0) {
                return;
            }
            ByteBuffer plain = ByteBuffer.allocate(Math.toIntExact(dictionaryBytes)).order(ByteOrder.LITTLE_ENDIAN);
            for (int index = 0; index < dictionarySize; index++) {
                switch (column.type()) {
                    case STRING -> plain.putInt(texts.get(index).length).put(texts.get(index));
                    case INT, DATE -> plain.putInt((int) dictionaryBits[index]);
                    case DOUBLE, TIMESTAMP -> plain.putLong(dictionaryBits[index]);
                }
            }
            writer.writeDictionaryPage(new DictionaryPage(BytesInput.from(plain.array()), dictionarySize, Encoding.PLAIN_DICTIONARY));
            textIds.clear();
            longIds.clear();
            Arrays.fill(countedInPage, 0);
            dictionarySize = 0;
            texts.clear();
            dictionaryBytes = 0;
            previous = null;
            previousId = -1;
        }
    }

    /**
     * Dictionary ids by 64-bit key, in open addressing: a figure is looked up for nearly every fact. A HashMap of boxed
     * keys would hash through a call no compiler can inline (the same map code sees every type), and
     * {@link Double#hashCode} of whole numbers differs only in high bits, which piled them into a few buckets.
     */
    private static final class LongIds {
        private long[] keys = new long[64];
        private int[] ids = new int[64];
        private boolean[] used = new boolean[64];
        private int size;

        int get(long key) {
            int mask = keys.length - 1;
            for (int slot = slot(key, mask); used[slot]; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return ids[slot];
                }
            }
            return -1;
        }

        void put(long key, int id) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            insert(key, id);
        }

        private void insert(long key, int id) {
            int mask = keys.length - 1;
            int slot = slot(key, mask);
            while (used[slot]) {
                slot = (slot + 1) & mask;
            }
            used[slot] = true;
            keys[slot] = key;
            ids[slot] = id;
            size++;
        }

        void clear() {
            Arrays.fill(used, false);
            size = 0;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldIds = ids;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            ids = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int slot = 0; slot < oldKeys.length; slot++) {
                if (oldUsed[slot]) {
                    insert(oldKeys[slot], oldIds[slot]);
                }
            }
        }

        private static int slot(long key, int mask) {
            // Fibonacci hashing: the high bits of the product mix every bit of the key
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        }
    }

    /**
     * Dictionary ids of texts, in open addressing: {@link String#hashCode} (cached in each String) and
     * {@link String#equals} called on Strings, which the compiler inlines, where a shared HashMap's calls to
     * {@code hashCode} and {@code equals} see every type of key in the program and are not inlined.
     */
    private static final class TextIds {
        private String[] keys = new String[64];
        private int[] ids = new int[64];
        private int size;

        int get(String key) {
            int mask = keys.length - 1;
            for (int slot = slot(key, mask); keys[slot] != null; slot = (slot + 1) & mask) {
                String candidate = keys[slot];
                if (candidate == key || candidate.equals(key)) {
                    return ids[slot];
                }
            }
            return -1;
        }

        void put(String key, int id) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            insert(key, id);
        }

        private void insert(String key, int id) {
            int mask = keys.length - 1;
            int slot = slot(key, mask);
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            ids[slot] = id;
            size++;
        }

        void clear() {
            Arrays.fill(keys, null);
            size = 0;
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldIds = ids;
            keys = new String[oldKeys.length * 2];
            ids = new int[oldKeys.length * 2];
            size = 0;
            for (int slot = 0; slot < oldKeys.length; slot++) {
                if (oldKeys[slot] != null) {
                    insert(oldKeys[slot], oldIds[slot]);
                }
            }
        }

        private static int slot(String key, int mask) {
            int mixed = key.hashCode() * 0x9E3779B9;
            return (mixed ^ mixed >>> 16) & mask;
        }
    }
}
