package vn.pcmd.ingest.form;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.pcmd.core.catalog.Agency;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.ingest.Fact;
import vn.pcmd.ingest.FileOutcome;
import vn.pcmd.ingest.IssueBuilder;
import vn.pcmd.ingest.IssueCode;
import vn.pcmd.ingest.Submission;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.xlsx.CellReference;
import vn.pcmd.ingest.xlsx.CellValue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the long CSV format, one figure a line:
 * {@code unit_code,form,agency,indicator_code,year,value} (UTF-8, a BOM allowed, header required; agency empty for
 * IIA). Values follow the same rules as form cells. Each unit × form × department in the file is one submission;
 * any error rejects the whole file. Cells are named A1-style (line 7's value is F7), as a spreadsheet shows the file.
 */
public final class CsvFormReader {
    public static final List<String> HEADER = List.of("unit_code", "form", "agency", "indicator_code", "year", "value");
    private static final int VALUE_COLUMN = HEADER.indexOf("value");

    private final Catalog catalog;
    private final UnitRegistry units;

    public CsvFormReader(Catalog catalog, UnitRegistry units) {
        this.catalog = catalog;
        this.units = units;
    }

    private record Key(String unitCode, Form form, Optional<String> agency) {}

    private record Line(Indicator indicator, int year, double value, long line) {}

    public FileOutcome read(Path file, String sha256) {
        String name = file.toString();
        IssueBuilder issues = new IssueBuilder(name);
        Optional<String> sheet = Optional.of(file.getFileName().toString());
        Map<Key, List<Line>> groups = new LinkedHashMap<>();
        Map<String, Long> seen = new HashMap<>();
        try (Reader reader = new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                issues.fileIssue(IssueCode.CSV_HEADER, String.join(",", HEADER), "");
                return FileOutcome.rejected(name, issues.issues());
            }
            CSVRecord header = records.next();
            List<String> columns = header.stream().map(value -> value.replace("\uFEFF", "").strip()).toList();
            if (!columns.equals(HEADER)) {
                issues.fileIssue(IssueCode.CSV_HEADER, String.join(",", HEADER), String.join(",", columns));
                return FileOutcome.rejected(name, issues.issues());
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                readLine(record, line, sheet, groups, seen, issues);
            }
        }
        catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                notUtf8(file, sheet.get(), issues);
            }
            else {
                issues.unreadable("io.error", cause.getMessage());
            }
            return FileOutcome.rejected(name, issues.issues());
        }
        if (!issues.hasErrors() && groups.isEmpty()) {
            issues.fileIssue(IssueCode.NO_FIGURES);
        }
        // build the submissions from the valid lines even when others failed, so one run reports every error
        List<Submission> submissions = new ArrayList<>();
        groups.forEach((key, lines) -> {
            UnitRegistry.ReportingUnit unit = units.find(key.unitCode()).orElseThrow();
            List<Fact> facts = lines.stream()
                    .map(line -> new Fact(line.indicator().code(), line.year(), line.value(), sheet.get(), CellReference.format((int) line.line(), VALUE_COLUMN)))
                    .toList();
            submissions.add(new Submission(name, sha256, key.form(), unit.unit().code(), unit.unit().name(), unit.unit().level(), unit.unit().provinceCode(),
                    key.agency(), catalog.period().code(), Optional.empty(), sheet.get(), facts, List.of()));
        });
        for (Submission submission : submissions) {
            Map<String, List<Fact>> figures = FigureRules.byIndicator(submission.facts());
            FigureRules.checkBreakdowns(catalog, figures.keySet(), code -> figures.getOrDefault(code, List.of()), issues);
        }
        if (issues.hasErrors()) {
            return FileOutcome.rejected(name, issues.issues());
        }
        return new FileOutcome(name, submissions, issues.issues());
    }

    private void readLine(CSVRecord record, long line, Optional<String> sheet, Map<Key, List<Line>> groups, Map<String, Long> seen, IssueBuilder issues) {
        Optional<String> lineCell = Optional.of(CellReference.format((int) line, 0));
        if (record.size() != HEADER.size()) {
            issues.addWorded(IssueCode.CSV_HEADER, "line", sheet, lineCell, Optional.empty(), Optional.empty(), record.size(), HEADER.size(), String.join(",", HEADER),
                    String.join(",", record.toList()));
            return;
        }
        String unitCode = record.get(0).strip();
        Optional<Form> form = Form.parse(record.get(1));
        Optional<String> agency = Optional.of(record.get(2).strip()).filter(value -> !value.isEmpty());
        String indicatorCode = record.get(3).strip();
        Optional<UnitRegistry.ReportingUnit> unit = units.find(unitCode);
        if (unit.isEmpty()) {
            issues.add(IssueCode.UNIT_UNKNOWN, sheet, lineCell, Optional.empty(), Optional.empty(), unitCode);
            return;
        }
        if (form.isEmpty()) {
            issues.addWorded(IssueCode.FORM_UNKNOWN, "csv", sheet, Optional.of(CellReference.format((int) line, 1)), Optional.empty(), Optional.empty(), record.get(1).strip());
            return;
        }
        if (form.get() == Form.IA) {
            if (agency.isEmpty()) {
                issues.addWorded(IssueCode.AGENCY_MISSING, "csv", sheet, Optional.of(CellReference.format((int) line, 2)), Optional.empty(), Optional.empty(), agencyCodes());
                return;
            }
            if (catalog.agency(agency.get()).isEmpty()) {
                issues.add(IssueCode.AGENCY_UNKNOWN, sheet, Optional.of(CellReference.format((int) line, 2)), Optional.empty(), Optional.empty(), agency.get(), agencyCodes());
                return;
            }
            if (unit.get().unit().level() != UnitLevel.PROVINCE) {
                issues.add(IssueCode.UNIT_WRONG_LEVEL, sheet, lineCell, Optional.empty(), Optional.empty(), unitCode,
                        unit.get().unit().level().labelVi().toLowerCase(java.util.Locale.ROOT), form.get().titleVi(), UnitLevel.PROVINCE.labelVi().toLowerCase(java.util.Locale.ROOT));
                return;
            }
        }
        else {
            agency = Optional.empty();
        }
        Optional<Indicator> indicator = catalog.indicator(indicatorCode).filter(found -> found.form() == form.get());
        Optional<String> codeCell = Optional.of(CellReference.format((int) line, 3));
        if (indicator.isEmpty()) {
            issues.addWorded(IssueCode.ROW_UNKNOWN, "csv", sheet, codeCell, Optional.empty(), Optional.empty(), indicatorCode, form.get().titleVi(), form.get().name());
            return;
        }
        if (indicator.get().agency().isPresent() && !indicator.get().agency().equals(agency)) {
            issues.add(IssueCode.ROW_OTHER_AGENCY, sheet, codeCell, Optional.of(indicatorCode), Optional.empty(), indicator.get().displayLabelVi(),
                    agencyName(indicator.get().agency().get()), agencyName(agency.orElse("")));
            return;
        }
        int year;
        try {
            year = Integer.parseInt(record.get(4).strip());
        }
        catch (NumberFormatException e) {
            issues.add(IssueCode.VALUE_YEAR_OUT_OF_PERIOD, sheet, Optional.of(CellReference.format((int) line, 4)), Optional.of(indicatorCode), Optional.empty(),
                    record.get(4).strip(), catalog.period().code());
            return;
        }
        Optional<String> valueCell = Optional.of(CellReference.format((int) line, VALUE_COLUMN));
        Optional<Integer> yearValue = Optional.of(year);
        if (!catalog.period().contains(year)) {
            issues.add(IssueCode.VALUE_YEAR_OUT_OF_PERIOD, sheet, Optional.of(CellReference.format((int) line, 4)), Optional.of(indicatorCode), yearValue, year, catalog.period().code());
            return;
        }
        String label = indicator.get().displayLabelVi();
        CellParser.Parsed parsed = CellParser.parse(new CellValue(CellValue.Kind.STRING, record.get(VALUE_COLUMN), false), indicator.get().valueType());
        if (parsed instanceof CellParser.Blank) {
            return;
        }
        if (parsed instanceof CellParser.Problem problem) {
            issues.add(problem.code(), sheet, valueCell, Optional.of(indicatorCode), yearValue, problem.text(), label, year);
            return;
        }
        double value = ((CellParser.Number) parsed).value();
        if (!FigureRules.accept(indicator.get(), value, year, unit.get(), sheet, valueCell.get(), issues)) {
            return;
        }
        String duplicateKey = unitCode + "|" + form.get() + "|" + agency.orElse("") + "|" + indicatorCode + "|" + year;
        Long previous = seen.putIfAbsent(duplicateKey, line);
        if (previous != null) {
            issues.add(IssueCode.ROW_DUPLICATE, sheet, valueCell, Optional.of(indicatorCode), yearValue, label + " (" + year + ")", previous, line);
            return;
        }
        groups.computeIfAbsent(new Key(unitCode, form.get(), agency), key -> new ArrayList<>()).add(new Line(indicator.get(), year, value, line));
    }

    /**
     * A file in a legacy code page, as Excel's plain "CSV" saves it on Vietnamese Windows: named at the first
     * character that is not UTF-8, counting lines and fields as the parser does.
     */
    private static void notUtf8(Path file, String sheet, IssueBuilder issues) {
        int line = 1;
        int field = 0;
        boolean quoted = false;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer characters = CharBuffer.allocate(1 << 16);
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            while (true) {
                int read = channel.read(bytes);
                bytes.flip();
                CoderResult result = decoder.decode(bytes, characters, read < 0);
                characters.flip();
                while (characters.hasRemaining()) {
                    char next = characters.get();
                    if (next == '"') {
                        quoted = !quoted;
                    }
                    else if (next == ',' && !quoted) {
                        field++;
                    }
                    else if (next == '\n') {
                        line++;
                        field = quoted ? field : 0;
                    }
                }
                characters.clear();
                if (result.isError() || (read < 0 && !result.isOverflow())) {
                    break;
                }
                bytes.compact();
            }
        }
        catch (IOException e) {
            issues.unreadable("io.error", e.getMessage());
            return;
        }
        issues.unreadable(Optional.of(sheet), Optional.of(CellReference.format(line, field)), "csv.notUtf8", line);
    }

    private String agencyName(String code) {
        return catalog.agency(code).map(Agency::nameVi).orElse(code);
    }

    private String agencyCodes() {
        return catalog.agencies().stream().map(Agency::code).collect(Collectors.joining(", "));
    }
}
