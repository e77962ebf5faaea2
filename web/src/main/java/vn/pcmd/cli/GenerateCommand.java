package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.catalog.ProgrammePeriod;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.ingest.generate.GenerationOptions;
import vn.pcmd.ingest.generate.GenerationScope;
import vn.pcmd.ingest.generate.GenerationSummary;
import vn.pcmd.ingest.generate.SyntheticForms;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code pcmd generate}: synthetic filled forms for a province or the whole country, to exercise ingestion. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sinh biểu mẫu giả lập đã điền (synthetic filled forms)")
final class GenerateCommand implements Callable<Integer> {
    private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Thư mục ghi biểu mẫu, manifest.csv và expected_totals.csv; phải trống hoặc do lệnh này tạo trước đó")
    Path out;

    @Option(names = "--scope", defaultValue = "national", paramLabel = "SCOPE",
            description = "national (cả nước, mặc định, khoảng 12.000 biểu) hoặc province:CODE, mã tỉnh trước sắp xếp 2025, ví dụ province:75")
    String scope;

    @Option(names = "--years", paramLabel = "YYYY-YYYY", description = "Các năm có số liệu (mặc định: cả giai đoạn, ví dụ 2021-2025)")
    Optional<String> years;

    @Option(names = "--seed", defaultValue = "1", description = "Hạt giống ngẫu nhiên; cùng hạt giống cho cùng tệp (mặc định: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--with-errors", description = "Cài lỗi cố ý vào khoảng 1%% số tệp (deliberate errors in about 1%% of files)")
    boolean withErrors;

    @Override
    public Integer call() throws IOException {
        GenerationScope generationScope = GenerationScope.parse(scope)
                .orElseThrow(() -> new UserException(Messages.get("generate.badScope", scope), Main.EXIT_USAGE));
        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        ProgrammePeriod period = catalog.period();
        int firstYear = period.firstYear();
        int lastYear = period.lastYear();
        if (years.isPresent()) {
            Matcher matcher = YEARS.matcher(years.get().strip());
            if (!matcher.matches()) {
                throw new UserException(Messages.get("generate.badYears", years.get(), period.code()), Main.EXIT_USAGE);
            }
            firstYear = Integer.parseInt(matcher.group(1));
            lastYear = matcher.group(2) == null ? firstYear : Integer.parseInt(matcher.group(2));
            if (firstYear > lastYear || !period.contains(firstYear) || !period.contains(lastYear)) {
                throw new UserException(Messages.get("generate.badYears", years.get(), period.code()), Main.EXIT_USAGE);
            }
        }
        SyntheticForms forms = new SyntheticForms(catalog, new AdministrativeUnitsLoader(data).load());
        if (generationScope.provinceCode().isPresent() && !forms.isProvince(generationScope.provinceCode().get())) {
            throw new UserException(Messages.get("generate.unknownProvince", generationScope.provinceCode().get()), Main.EXIT_USAGE);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserException(Messages.get("generate.outNotDirectory", out), Main.EXIT_USAGE);
        }
        if (!SyntheticForms.clearPreviousOutput(out)) {
            throw new UserException(Messages.get("generate.outNotEmpty", out), Main.EXIT_USAGE);
        }
        GenerationOptions options = GenerationOptions.of(generationScope, firstYear, lastYear, seed);
        if (withErrors) {
            options = options.withErrors(GenerationOptions.DEFAULT_ERROR_SHARE);
        }
        PrintWriter err = spec.commandLine().getErr();
        GenerationSummary summary = forms.generate(options, out, new ConsoleProgress(err));
        PrintWriter printer = spec.commandLine().getOut();
        printer.println(Messages.get("generate.summary", number(summary.files()), out, seconds(summary.elapsed().toMillis() / 1000.0),
                number(Math.round(summary.formsPerSecond()))));
        printer.println(Messages.get("generate.summaryForms", number(summary.communeForms()), number(summary.districtForms()),
                number(summary.provinceForms()), number(summary.departmentForms())));
        printer.println(Messages.get("generate.summaryReporting", number(summary.communesNotReporting()), number(summary.late()),
                number(summary.withErrors())));
        printer.flush();
        return 0;
    }

    /** Thousands with "." as Vietnamese write them. */
    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', '.');
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
    }
}
