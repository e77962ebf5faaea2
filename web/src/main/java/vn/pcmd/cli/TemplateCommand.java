package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.pcmd.core.catalog.Agency;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.units.AdminUnit;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.core.units.UnitVersion;
import vn.pcmd.ingest.form.FormIdentity;
import vn.pcmd.ingest.form.FormTemplateWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code pcmd template}: a blank official form for one unit, to be filled by its office. */
@Command(name = "template", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Tạo biểu mẫu trống IA/IIA cho một đơn vị (blank form .xlsx)")
final class TemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--form", required = true, description = "IIA (xã, huyện, tỉnh) hoặc IA (sở, ngành cấp tỉnh)")
    Form form;

    @Option(names = "--unit", required = true, paramLabel = "CODE",
            description = "Mã đơn vị hành chính 2021–2025; với IA là mã tỉnh (administrative unit code)")
    String unit;

    @Option(names = "--agency", paramLabel = "DEPT", description = "Sở, ngành gửi biểu IA: police, culture, health... (department, IA only)")
    Optional<String> agency;

    @Option(names = "--out", paramLabel = "FILE.xlsx", description = "Tệp ghi ra (mặc định: <form>_<unit>[_<agency>].xlsx)")
    Optional<Path> out;

    @Override
    public Integer call() throws IOException {
        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        List<UnitVersion> versions = new AdministrativeUnitsLoader(data).load().versions(unit);
        if (versions.isEmpty()) {
            throw new UserException(Messages.get("template.unknownUnit", unit), Main.EXIT_USAGE);
        }
        // a code may have been renamed or moved: the form carries the name it had last
        AdminUnit latest = versions.stream().max(Comparator.comparing(UnitVersion::validTo)).orElseThrow().unit();
        FormIdentity identity;
        if (form == Form.IA) {
            if (latest.level() != UnitLevel.PROVINCE) {
                throw new UserException(Messages.get("template.iaNeedsProvince", unit, latest.name()), Main.EXIT_USAGE);
            }
            String agencies = catalog.agencies().stream().map(Agency::code).collect(Collectors.joining(", "));
            String code = agency.orElseThrow(() -> new UserException(Messages.get("template.agencyRequired", agencies), Main.EXIT_USAGE));
            if (catalog.agency(code).isEmpty()) {
                throw new UserException(Messages.get("template.unknownAgency", code, agencies), Main.EXIT_USAGE);
            }
            identity = FormIdentity.department(latest.code(), latest.name(), code);
        }
        else {
            if (agency.isPresent()) {
                throw new UserException(Messages.get("template.agencyOnlyForIa", agency.get()), Main.EXIT_USAGE);
            }
            identity = FormIdentity.unit(latest.code(), latest.name());
        }
        Path file = out.orElseGet(() -> Path.of(form.name() + "_" + unit + agency.map(code -> "_" + code).orElse("") + ".xlsx"));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new FormTemplateWriter(catalog).writeTemplate(identity, file);
        spec.commandLine().getOut().println(file);
        return 0;
    }
}
