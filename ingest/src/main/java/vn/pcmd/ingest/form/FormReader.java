package vn.pcmd.ingest.form;

import vn.pcmd.core.catalog.Agency;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.Section;
import vn.pcmd.core.catalog.ValueType;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.ingest.Fact;
import vn.pcmd.ingest.FileOutcome;
import vn.pcmd.ingest.IssueBuilder;
import vn.pcmd.ingest.IssueCode;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.Submission;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.xlsx.CellReference;
import vn.pcmd.ingest.xlsx.CellValue;
import vn.pcmd.ingest.xlsx.Sheet;
import vn.pcmd.ingest.xlsx.XlsxException;
import vn.pcmd.ingest.xlsx.XlsxLimits;
import vn.pcmd.ingest.xlsx.XlsxWorkbook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one workbook into a validated {@link Submission}, or rejects it with every error found.
 *
 * <p>Templates made by {@code ./pcmd template} identify themselves (hidden sheet and code column). Forms typed by
 * an office from the seed's appendix are recognised by their text: the header row by its "Năm 2021" … cells, the
 * rows by their normalised labels (a label printed twice, like "+ Số người bán dâm", by the total it falls under),
 * the form, unit and department by the headings. Thread-safe: one reader serves all files of a run.
 */
public final class FormReader {
    private static final Pattern YEAR_HEADER = Pattern.compile("^năm\\s*(\\d{4})$");
    private static final Pattern UNIT_CODE_IN_HEADING = Pattern.compile("mã(?:\\s*(?:số|đơn vị|đvhc|đơn vị hành chính))?\\s*[:：]?\\s*(\\d{2,5})\\b");
    private static final int HEADER_SEARCH_ROWS = 40;
    private static final String FOLDED_HEADER_LABEL = Labels.fold(FormLayout.HEADER_LABEL);
    private static final String FOLDED_HEADER_TOTAL = Labels.fold(FormLayout.HEADER_TOTAL);
    private static final String FOLDED_CODE_COLUMN_HEADER = Labels.fold(FormLayout.CODE_COLUMN_HEADER);

    private final Catalog catalog;
    private final UnitRegistry units;
    private final XlsxLimits limits;
    private final Map<Form, Map<String, List<Indicator>>> indicatorsByLabel = new EnumMap<>(Form.class);
    private final Map<Form, Map<String, Section>> sectionsByLabel = new EnumMap<>(Form.class);

    public FormReader(Catalog catalog, UnitRegistry units, XlsxLimits limits) {
        this.catalog = catalog;
        this.units = units;
        this.limits = limits;
        for (Form form : Form.values()) {
            Map<String, List<Indicator>> labels = new HashMap<>();
            for (Indicator indicator : catalog.indicators(form)) {
                labels.computeIfAbsent(Labels.key(indicator.labelVi()), key -> new ArrayList<>()).add(indicator);
                indicator.labelViCorrected().ifPresent(corrected -> {
                    List<Indicator> list = labels.computeIfAbsent(Labels.key(corrected), key -> new ArrayList<>());
                    if (!list.contains(indicator)) {
                        list.add(indicator);
                    }
                });
            }
            indicatorsByLabel.put(form, labels);
            Map<String, Section> sections = new HashMap<>();
            catalog.sections().stream().filter(section -> section.form() == form)
                    .forEach(section -> sections.putIfAbsent(Labels.headingKey(section.labelVi()), section));
            sectionsByLabel.put(form, sections);
        }
    }

    public FileOutcome read(Path file, String sha256, ReadOptions options) {
        String name = file.toString();
        IssueBuilder issues = new IssueBuilder(name);
        try (XlsxWorkbook workbook = XlsxWorkbook.open(file, limits)) {
            Map<String, String> metadata = readMetadata(workbook);
            Optional<Submission> submission = readForm(workbook, metadata, name, sha256, options, issues);
            if (issues.hasErrors() || submission.isEmpty()) {
                return FileOutcome.rejected(name, issues.issues());
            }
            return new FileOutcome(name, List.of(submission.get()), issues.issues());
        }
        catch (XlsxException e) {
            issues.unreadable(e.sheet(), e.cell(), e.reason(), e.arguments());
        }
        catch (IOException e) {
            issues.unreadable("io.error", e.getMessage());
        }
        return FileOutcome.rejected(name, issues.issues());
    }

    private Map<String, String> readMetadata(XlsxWorkbook workbook) throws XlsxException, IOException {
        Map<String, String> metadata = new HashMap<>();
        Optional<Sheet> sheet = workbook.sheet(FormLayout.METADATA_SHEET);
        sheet.ifPresent(found -> found.rows().forEach(row -> {
            CellValue key = row.cell(0);
            CellValue value = row.cell(1);
            if (key != null && value != null && !value.isBlank()) {
                metadata.put(key.text().strip(), value.text().strip());
            }
        }));
        return metadata;
    }

    /**
     * Where the header is: the year columns and, when named, the label, unit, total and code columns. The years and
     * their columns are also kept as arrays in year order, which every row's figures are read by.
     */
    private record Header(int row, Map<Integer, Integer> yearColumns, int labelColumn, Optional<Integer> totalColumn, Optional<Integer> codeColumn,
            int[] years, int[] yearColumnsInOrder) {
        Header(int row, SortedMap<Integer, Integer> yearColumns, int labelColumn, Optional<Integer> totalColumn, Optional<Integer> codeColumn) {
            this(row, yearColumns, labelColumn, totalColumn, codeColumn, yearColumns.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    yearColumns.values().stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private Optional<Submission> readForm(XlsxWorkbook workbook, Map<String, String> metadata, String file, String sha256, ReadOptions options, IssueBuilder issues)
            throws XlsxException, IOException {
        Sheet sheet = null;
        Header header = null;
        List<String> candidates = new ArrayList<>(workbook.sheetNames());
        candidates.remove(FormLayout.METADATA_SHEET);
        for (String sheetName : candidates) {
            if (workbook.isHidden(sheetName)) {
                continue;
            }
            Sheet candidate = workbook.sheet(sheetName).orElseThrow();
            Optional<Header> found = findHeader(candidate);
            if (found.isPresent()) {
                sheet = candidate;
                header = found.get();
                break;
            }
        }
        if (sheet == null) {
            issues.fileIssue(IssueCode.FILE_NOT_A_FORM);
            return Optional.empty();
        }
        return readForm(sheet, header, metadata, file, sha256, options, issues);
    }

    private Optional<Submission> readForm(Sheet sheet, Header header, Map<String, String> metadata, String file, String sha256, ReadOptions options,
            IssueBuilder issues) {
        List<String> headings = headingTexts(sheet, header.row());
        Optional<String> sheetName = Optional.of(sheet.name());
        for (int year : catalog.period().years()) {
            if (!header.yearColumns().containsKey(year)) {
                issues.add(IssueCode.YEAR_COLUMN_MISSING, sheetName, Optional.of(CellReference.format(header.row(), header.labelColumn())), Optional.empty(), Optional.of(year), year);
            }
        }
        String period = metadata.getOrDefault(FormLayout.KEY_PERIOD, catalog.period().code());
        if (!period.equals(catalog.period().code())) {
            issues.fileIssue(IssueCode.PERIOD_MISMATCH, period, catalog.period().code());
        }

        Optional<Form> form = Optional.ofNullable(metadata.get(FormLayout.KEY_FORM)).flatMap(Form::parse)
                .or(() -> formFromHeadings(headings))
                .or(() -> formFromLabels(sheet, header));
        if (form.isEmpty()) {
            issues.fileIssue(IssueCode.FORM_UNKNOWN);
            return Optional.empty();
        }

        Optional<UnitRegistry.ReportingUnit> unit = resolveUnit(options, metadata, headings, form.get(), issues);
        Optional<String> agency = form.get() == Form.IA ? resolveAgency(options, metadata, headings, issues) : Optional.empty();
        if (unit.isEmpty()) {
            return Optional.empty();
        }

        RowsRead rows = readRows(sheet, header, form.get(), agency, unit.get(), issues);
        if (form.get() == Form.IA && agency.isEmpty()) {
            agency = rows.inferredAgency();
            if (agency.isEmpty()) {
                issues.fileIssue(IssueCode.AGENCY_MISSING, agencyCodes());
            }
        }
        if (issues.hasErrors()) {
            return Optional.empty();
        }
        if (rows.facts().isEmpty()) {
            issues.fileIssue(IssueCode.NO_FIGURES);
            return Optional.empty();
        }
        Optional<LocalDate> submittedOn = Optional.ofNullable(metadata.get(FormLayout.KEY_SUBMITTED_ON)).flatMap(FormReader::date);
        var reportingUnit = unit.get().unit();
        return Optional.of(new Submission(file, sha256, form.get(), reportingUnit.code(), reportingUnit.name(), reportingUnit.level(), reportingUnit.provinceCode(),
                agency, catalog.period().code(), submittedOn, sheet.name(), rows.facts(),
                issues.issues().stream().filter(issue -> !issue.isError()).toList()));
    }

    private Optional<Header> findHeader(Sheet sheet) {
        int bestRow = -1;
        SortedMap<Integer, Integer> bestYears = new TreeMap<>();
        Integer labelColumn = null;
        Integer totalColumn = null;
        Integer codeColumn = null;
        for (Sheet.Row row : sheet.rows()) {
            if (row.number() > HEADER_SEARCH_ROWS) {
                break;
            }
            SortedMap<Integer, Integer> years = new TreeMap<>();
            for (int column = 0; column < row.width(); column++) {
                CellValue cell = row.cell(column);
                if (cell == null || cell.kind() != CellValue.Kind.STRING || !mayBeHeader(cell.text())) {
                    continue;
                }
                String text = Labels.fold(cell.text());
                Matcher matcher = YEAR_HEADER.matcher(text);
                if (matcher.matches()) {
                    years.put(Integer.parseInt(matcher.group(1)), column);
                }
                else if (text.equals(FOLDED_HEADER_LABEL) && labelColumn == null) {
                    labelColumn = column;
                }
                else if (text.startsWith(FOLDED_HEADER_TOTAL) && totalColumn == null) {
                    totalColumn = column;
                }
                else if (text.equals(FOLDED_CODE_COLUMN_HEADER) && codeColumn == null) {
                    codeColumn = column;
                }
            }
            if (years.size() >= Math.max(2, bestYears.size())) {
                bestRow = row.number();
                bestYears = years;
            }
        }
        if (bestRow < 0) {
            return Optional.empty();
        }
        int firstYearColumn = bestYears.values().stream().min(Integer::compare).orElseThrow();
        int label = labelColumn != null ? labelColumn : Math.max(0, firstYearColumn - 2);
        return Optional.of(new Header(bestRow, bestYears, label, Optional.ofNullable(totalColumn), Optional.ofNullable(codeColumn)));
    }

    /**
     * Whether a cell's text may fold to one of the header words, "Năm 2021", "Nội dung", "Tổng cộng" or "Mã chỉ
     * tiêu": its first letter, past the spaces folding strips, is N, T or M. Folding every long label of the top
     * rows only to compare it with these was a visible part of reading a form.
     */
    private static boolean mayBeHeader(String text) {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (!Character.isWhitespace(character) && !Character.isSpaceChar(character)) {
                return switch (character) {
                    case 'N', 'n', 'T', 't', 'M', 'm' -> true;
                    default -> false;
                };
            }
        }
        return false;
    }

    /** Texts above the header: the appendix title, the unit line, the department line. */
    private static List<String> headingTexts(Sheet sheet, int headerRow) {
        List<String> texts = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            if (row.number() >= headerRow) {
                break;
            }
            for (int column = 0; column < row.width(); column++) {
                CellValue cell = row.cell(column);
                if (cell != null && cell.kind() == CellValue.Kind.STRING && !cell.text().isBlank()) {
                    texts.add(cell.text());
                }
            }
        }
        return texts;
    }

    private static Optional<Form> formFromHeadings(List<String> headings) {
        for (String heading : headings) {
            String text = Labels.fold(heading);
            if (text.matches(".*phụ lục\\s+iia\\b.*")) {
                return Optional.of(Form.IIA);
            }
            if (text.matches(".*phụ lục\\s+ia\\b.*")) {
                return Optional.of(Form.IA);
            }
        }
        return Optional.empty();
    }

    private Optional<Form> formFromLabels(Sheet sheet, Header header) {
        Map<Form, Integer> matches = new EnumMap<>(Form.class);
        for (Sheet.Row row : sheet.rows()) {
            if (row.number() <= header.row()) {
                continue;
            }
            CellValue label = row.cell(header.labelColumn());
            if (label == null || label.kind() != CellValue.Kind.STRING) {
                continue;
            }
            String key = Labels.key(label.text());
            for (Form form : Form.values()) {
                if (indicatorsByLabel.get(form).containsKey(key)) {
                    matches.merge(form, 1, Integer::sum);
                }
            }
        }
        return matches.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    private Optional<UnitRegistry.ReportingUnit> resolveUnit(ReadOptions options, Map<String, String> metadata, List<String> headings, Form form, IssueBuilder issues) {
        Optional<String> code = options.unitCode().or(() -> Optional.ofNullable(metadata.get(FormLayout.KEY_UNIT_CODE)));
        if (code.isEmpty()) {
            for (String heading : headings) {
                Matcher matcher = UNIT_CODE_IN_HEADING.matcher(Labels.fold(heading));
                if (matcher.find()) {
                    code = Optional.of(matcher.group(1));
                    break;
                }
            }
        }
        if (code.isEmpty()) {
            for (String heading : headings) {
                String text = heading.contains(":") ? heading.substring(heading.indexOf(':') + 1) : heading;
                text = text.replaceFirst("(?i)^\\s*(ủy ban nhân dân|ubnd)\\s+", "");
                List<String> named = units.codesNamed(text.strip());
                if (named.size() == 1) {
                    code = Optional.of(named.get(0));
                    break;
                }
                if (named.size() > 1) {
                    issues.fileIssue(IssueCode.UNIT_AMBIGUOUS, text.strip(), named.size());
                    return Optional.empty();
                }
            }
        }
        if (code.isEmpty()) {
            issues.fileIssue(IssueCode.UNIT_MISSING);
            return Optional.empty();
        }
        Optional<UnitRegistry.ReportingUnit> unit = units.find(code.get());
        if (unit.isEmpty()) {
            issues.fileIssue(IssueCode.UNIT_UNKNOWN, code.get());
            return Optional.empty();
        }
        if (form == Form.IA && unit.get().unit().level() != UnitLevel.PROVINCE) {
            issues.fileIssue(IssueCode.UNIT_WRONG_LEVEL, code.get(), unit.get().unit().level().labelVi().toLowerCase(java.util.Locale.ROOT),
                    form.titleVi(), UnitLevel.PROVINCE.labelVi().toLowerCase(java.util.Locale.ROOT));
            return Optional.empty();
        }
        return unit;
    }

    private Optional<String> resolveAgency(ReadOptions options, Map<String, String> metadata, List<String> headings, IssueBuilder issues) {
        Optional<String> code = options.agency().or(() -> Optional.ofNullable(metadata.get(FormLayout.KEY_AGENCY)));
        if (code.isPresent()) {
            if (catalog.agency(code.get()).isEmpty()) {
                issues.fileIssue(IssueCode.AGENCY_UNKNOWN, code.get(), agencyCodes());
                return Optional.empty();
            }
            return code;
        }
        // the longest alias first, so "Sở Văn hóa, Thể thao và Du lịch" is not read as a shorter name
        List<Map.Entry<String, Agency>> aliases = new ArrayList<>();
        for (Agency agency : catalog.agencies()) {
            agency.aliasesVi().forEach(alias -> aliases.add(Map.entry(Labels.fold(alias), agency)));
        }
        aliases.sort((left, right) -> Integer.compare(right.getKey().length(), left.getKey().length()));
        for (String heading : headings) {
            String text = Labels.fold(heading);
            if (text.contains("phụ lục") || text.contains("biểu tổng hợp")) {
                continue;
            }
            for (Map.Entry<String, Agency> alias : aliases) {
                if (text.contains(alias.getKey())) {
                    return Optional.of(alias.getValue().code());
                }
            }
        }
        return Optional.empty();
    }

    private String agencyCodes() {
        return catalog.agencies().stream().map(Agency::code).collect(Collectors.joining(", "));
    }

    private record RowsRead(List<Fact> facts, Optional<String> inferredAgency) {}

    /** A row matched to an indicator, and its accepted figures in year order. */
    private record MatchedRow(Indicator indicator, int row, List<Fact> facts) {}

    private RowsRead readRows(Sheet sheet, Header header, Form form, Optional<String> agency, UnitRegistry.ReportingUnit unit, IssueBuilder issues) {
        Optional<String> sheetName = Optional.of(sheet.name());
        Map<String, MatchedRow> matched = new LinkedHashMap<>();
        List<Indicator> matchedOrder = new ArrayList<>();
        Optional<String> sectionAgency = Optional.empty();
        for (Sheet.Row row : sheet.rows()) {
            int rowNumber = row.number();
            if (rowNumber <= header.row()) {
                continue;
            }
            CellValue labelCell = row.cell(header.labelColumn());
            String label = labelCell == null || labelCell.kind() != CellValue.Kind.STRING ? "" : labelCell.text();
            Optional<String> code = header.codeColumn().map(row::cell).filter(cell -> !cell.isBlank()).map(cell -> cell.text().strip());
            boolean hasValues = false;
            for (int column : header.yearColumnsInOrder()) {
                CellValue cell = row.cell(column);
                hasValues |= cell != null && !cell.isBlank();
            }
            if (label.isBlank() && code.isEmpty()) {
                continue;
            }
            Optional<Section> section = code.flatMap(catalog::section).filter(found -> found.form() == form)
                    .or(() -> code.isPresent() ? Optional.empty() : Optional.ofNullable(sectionsByLabel.get(form).get(Labels.headingKey(label))));
            if (section.isPresent() && !hasValues) {
                if (section.get().agency().isPresent()) {
                    sectionAgency = section.get().agency();
                }
                continue;
            }
            Optional<String> agencyContext = sectionAgency.or(() -> agency);
            Optional<Indicator> indicator = code.flatMap(catalog::indicator).filter(found -> found.form() == form)
                    .or(() -> chooseByLabel(form, label, agencyContext, matchedOrder));
            if (indicator.isEmpty()) {
                String labelReference = CellReference.format(rowNumber, header.labelColumn());
                if (hasValues) {
                    issues.add(IssueCode.ROW_UNKNOWN, sheetName, Optional.of(labelReference), Optional.empty(), Optional.empty(), label.strip(), form.titleVi());
                }
                else if (!isNoise(label)) {
                    issues.add(IssueCode.ROW_UNRECOGNISED_EMPTY, sheetName, Optional.of(labelReference), Optional.empty(), Optional.empty(), label.strip());
                }
                continue;
            }
            Indicator found = indicator.get();
            MatchedRow previous = matched.get(found.code());
            if (previous != null) {
                issues.add(IssueCode.ROW_DUPLICATE, sheetName, Optional.of(CellReference.format(rowNumber, header.labelColumn())), Optional.of(found.code()), Optional.empty(),
                        found.displayLabelVi(), previous.row(), rowNumber);
                continue;
            }
            matchedOrder.add(found);
            matched.put(found.code(), readValues(found, rowNumber, row, header, unit, sheetName, issues));
        }
        Optional<String> inferred = agency;
        if (form == Form.IA) {
            inferred = checkAgencies(matched, agency, sheetName, issues);
        }
        int factCount = 0;
        for (MatchedRow row : matched.values()) {
            factCount += row.facts().size();
        }
        List<Fact> facts = new ArrayList<>(factCount);
        for (MatchedRow row : matched.values()) {
            facts.addAll(row.facts());
        }
        FigureRules.checkBreakdowns(catalog, matched.keySet(), code -> Optional.ofNullable(matched.get(code)).map(MatchedRow::facts).orElse(List.of()), issues);
        return new RowsRead(facts, inferred);
    }

    /**
     * Picks the indicator a label means. A label printed more than once ("+ Số người bán dâm", "+ Số bị cáo") is the
     * one whose total was matched most recently above it, and in Phụ lục IA the one of the department section it
     * stands in.
     */
    private Optional<Indicator> chooseByLabel(Form form, String label, Optional<String> agencyContext, List<Indicator> matchedAbove) {
        List<Indicator> candidates = indicatorsByLabel.get(form).getOrDefault(Labels.key(label), List.of());
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        List<Indicator> inSection = agencyContext
                .map(context -> candidates.stream().filter(candidate -> candidate.agency().map(context::equals).orElse(true)).toList())
                .filter(list -> !list.isEmpty())
                .orElse(candidates);
        for (int index = matchedAbove.size() - 1; index >= 0; index--) {
            String above = matchedAbove.get(index).code();
            for (Indicator candidate : inSection) {
                if (candidate.parentCode().map(above::equals).orElse(false) || candidate.parentCode().equals(matchedAbove.get(index).parentCode())
                        && candidate.parentCode().isPresent()) {
                    return Optional.of(candidate);
                }
            }
        }
        return inSection.stream().findFirst();
    }

    private static boolean isNoise(String label) {
        String key = Labels.key(label);
        return key.isEmpty() || key.equals("trong đó") || key.equals(Labels.key(FormLayout.HEADER_LABEL))
                || key.startsWith(Labels.key(FormLayout.HEADER_RESULTS)) || key.startsWith("đơn vị tính");
    }

    private MatchedRow readValues(Indicator indicator, int rowNumber, Sheet.Row row, Header header, UnitRegistry.ReportingUnit unit,
            Optional<String> sheetName, IssueBuilder issues) {
        // the year columns are in year order, so a row is named by its first figure; a cell's optional parts are
        // made only when it has an issue
        int[] years = header.years();
        int[] columns = header.yearColumnsInOrder();
        List<Fact> facts = new ArrayList<>(years.length);
        double sum = 0;
        for (int index = 0; index < years.length; index++) {
            int year = years[index];
            CellParser.Parsed parsed = CellParser.parse(row.cell(columns[index]), indicator.valueType());
            if (parsed instanceof CellParser.Blank) {
                continue;
            }
            String reference = CellReference.format(rowNumber, columns[index]);
            if (!catalog.period().contains(year)) {
                issues.add(IssueCode.VALUE_YEAR_OUT_OF_PERIOD, sheetName, Optional.of(reference), Optional.of(indicator.code()), Optional.of(year), year,
                        catalog.period().code());
                continue;
            }
            if (parsed instanceof CellParser.Problem problem) {
                Optional<String> cell = Optional.of(reference);
                Optional<String> code = Optional.of(indicator.code());
                switch (problem.code()) {
                    case VALUE_UNCOMPUTED_FORMULA -> issues.add(problem.code(), sheetName, cell, code, Optional.of(year), indicator.displayLabelVi(), year);
                    default -> issues.add(problem.code(), sheetName, cell, code, Optional.of(year), problem.text(), indicator.displayLabelVi(), year);
                }
                continue;
            }
            double value = ((CellParser.Number) parsed).value();
            if (!FigureRules.accept(indicator, value, year, unit, sheetName, reference, issues)) {
                continue;
            }
            facts.add(new Fact(indicator.code(), year, value, sheetName.orElseThrow(), reference));
            sum += value;
        }
        if (header.totalColumn().isPresent() && indicator.valueType() != ValueType.YES_NO && !facts.isEmpty()) {
            int column = header.totalColumn().get();
            CellParser.Parsed total = CellParser.parse(row.cell(column), indicator.valueType());
            if (total instanceof CellParser.Number number && Math.abs(number.value() - sum) > 1e-6 * Math.max(1, Math.abs(sum))) {
                issues.add(IssueCode.TOTAL_MISMATCH, sheetName, Optional.of(CellReference.format(rowNumber, column)), Optional.of(indicator.code()), Optional.empty(),
                        number.value(), sum, indicator.displayLabelVi());
            }
        }
        return new MatchedRow(indicator, rowNumber, facts);
    }

    /**
     * A department's IA figures are its own: the common section I and its own section. Rows of another department's
     * section may be present but empty (the whole layout sent with one section filled).
     */
    private Optional<String> checkAgencies(Map<String, MatchedRow> matched, Optional<String> agency, Optional<String> sheetName, IssueBuilder issues) {
        Map<String, List<MatchedRow>> filledByAgency = new LinkedHashMap<>();
        for (MatchedRow row : matched.values()) {
            if (!row.facts().isEmpty() && row.indicator().agency().isPresent()) {
                filledByAgency.computeIfAbsent(row.indicator().agency().get(), key -> new ArrayList<>()).add(row);
            }
        }
        Optional<String> owner = agency.or(() -> filledByAgency.size() == 1 ? filledByAgency.keySet().stream().findFirst() : Optional.empty());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        String ownerName = catalog.agency(owner.get()).map(Agency::nameVi).orElse(owner.get());
        filledByAgency.forEach((other, rows) -> {
            if (!other.equals(owner.get())) {
                String otherName = catalog.agency(other).map(Agency::nameVi).orElse(other);
                for (MatchedRow row : rows) {
                    issues.add(IssueCode.ROW_OTHER_AGENCY, sheetName, Optional.of(row.facts().get(0).cell()), Optional.of(row.indicator().code()), Optional.empty(),
                            row.indicator().displayLabelVi(), otherName, ownerName);
                }
            }
        });
        return owner;
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
