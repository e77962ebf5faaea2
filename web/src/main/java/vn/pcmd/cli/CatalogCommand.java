package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.data.DataDirectory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pcmd catalog}: the indicators of the official forms, read from data/catalog. */
@Command(name = "catalog", mixinStandardHelpOptions = true, sortOptions = false,
        description = "In danh mục chỉ tiêu của biểu IA, IIA (indicator catalog)")
final class CatalogCommand implements Callable<Integer> {
    static final List<String> CSV_HEADER = List.of("code", "form", "agency", "label_vi", "unit_vi", "parent_code", "value_type", "aggregation",
            "of_which_le_total", "section_code", "position", "marker", "label_vi_corrected", "period");

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "csv hoặc table (mặc định: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--form", description = "Chỉ in một biểu: IA hoặc IIA (only one form)")
    Optional<Form> form;

    @Option(names = "--period", description = "Giai đoạn chương trình, ví dụ 2021-2025 (mặc định: giai đoạn mới nhất)")
    Optional<String> period;

    @Override
    public Integer call() {
        CatalogLoader loader = new CatalogLoader(DataDirectory.locate());
        Catalog catalog = period.map(loader::load).orElseGet(loader::loadLatest);
        List<Indicator> indicators = form.map(catalog::indicators).orElseGet(catalog::indicators);
        Listing listing = format == OutputFormat.csv
                ? new Listing(CSV_HEADER, indicators.stream().map(indicator -> csvRow(catalog, indicator)).toList())
                : new Listing(List.of("code", "form", "agency", "unit_vi", "parent_code", "value_type", "label_vi"),
                        indicators.stream().map(CatalogCommand::tableRow).toList());
        listing.print(format, spec.commandLine().getOut());
        return 0;
    }

    private static List<String> csvRow(Catalog catalog, Indicator indicator) {
        return List.of(indicator.code(), indicator.form().name(), indicator.agency().orElse(""), indicator.labelVi(), indicator.unitVi(),
                indicator.parentCode().orElse(""), indicator.valueType().code(), indicator.aggregation().code(),
                indicator.parentCode().isPresent() ? Boolean.toString(indicator.ofWhichWithinTotal()) : "",
                indicator.sectionCode(), Integer.toString(indicator.position()), indicator.marker(), indicator.labelViCorrected().orElse(""),
                catalog.period().code());
    }

    private static List<String> tableRow(Indicator indicator) {
        String label = indicator.displayLabelVi();
        if (label.length() > 80) {
            label = label.substring(0, 79) + "…";
        }
        return List.of(indicator.code(), indicator.form().name(), indicator.agency().orElse(""), indicator.unitVi(),
                indicator.parentCode().orElse(""), indicator.valueType().code(), (indicator.marker().isEmpty() ? "" : indicator.marker() + " ") + label);
    }
}
