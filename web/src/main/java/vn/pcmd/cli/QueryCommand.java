package vn.pcmd.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.pcmd.analytics.engine.EngineException;
import vn.pcmd.analytics.engine.QueryResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pcmd query}: ad-hoc SQL over the warehouse and its marts. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Truy vấn SQL trên kho dữ liệu (ad-hoc SQL)",
        footer = {"", "Bảng / views: current_facts (số liệu hiện hành / current figures), facts (mọi lần gửi, kể cả số đã bị thay /",
                "every version, superseded ones too, with lineage), submissions, issues, catalog, units,",
                "rollup, trends, compare, targets, quality, derived (sau khi chạy / after ./pcmd jobs).",
                "Ví dụ / example: ./pcmd query \"select year, sum(value) from rollup where level = 'nation' and indicator_code = 'iia_violators_total' group by year\""})
final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", defaultValue = Main.DEFAULT_WAREHOUSE, description = "Thư mục kho dữ liệu (mặc định: ${DEFAULT-VALUE}; hoặc biến môi trường PCMD_WAREHOUSE)")
    Path warehouse;

    @Option(names = "--format", defaultValue = "table", description = "csv, table hoặc json (mặc định: ${DEFAULT-VALUE})")
    String format;

    @Parameters(index = "0", paramLabel = "SQL", description = "Câu lệnh SQL (DuckDB)")
    String sql;

    @Override
    public Integer call() throws IOException {
        if (!List.of("csv", "table", "json").contains(format)) {
            throw new UserException("--format phải là csv, table hoặc json / must be csv, table or json: " + format, Main.EXIT_USAGE);
        }
        QueryResult result;
        try (AnalyticsSession session = AnalyticsSession.open(warehouse).withViews()) {
            result = session.engine().query(sql);
        }
        catch (EngineException e) {
            throw new UserException("Lỗi truy vấn / query error: " + e.getMessage().lines().findFirst().orElse(""), 1);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            ObjectMapper json = new ObjectMapper();
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.useDefaultPrettyPrinter();
                generator.writeStartArray();
                for (List<Object> row : result.rows()) {
                    generator.writeStartObject();
                    for (int column = 0; column < result.columns().size(); column++) {
                        generator.writeFieldName(result.columns().get(column));
                        json.writeValue(generator, jsonValue(row.get(column)));
                    }
                    generator.writeEndObject();
                }
                generator.writeEndArray();
            }
            out.println();
            out.flush();
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            rows.add(row.stream().map(QueryCommand::text).toList());
        }
        new Listing(result.columns(), rows).print(format.equals("csv") ? OutputFormat.csv : OutputFormat.table, out);
        return 0;
    }

    private static Object jsonValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return value.toString();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString(number.longValue());
        }
        return value.toString();
    }
}
