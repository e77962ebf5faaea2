package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.units.AdminUnit;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.core.units.Vintage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pcmd units}: administrative units of a vintage, read from data/units. */
@Command(name = "units", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Liệt kê đơn vị hành chính 2024/2025 (administrative units)")
final class UnitsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--vintage", required = true, converter = VintageConverter.class,
            description = "2024 = cơ cấu cuối cùng trước sắp xếp (01/3/2025); 2025 = từ 01/7/2025")
    Vintage vintage;

    @Option(names = "--level", required = true, converter = LevelConverter.class,
            description = "province, district (chỉ có ở 2024) hoặc commune")
    UnitLevel level;

    @Option(names = "--parent", description = "Chỉ các đơn vị trực thuộc mã này (tỉnh hoặc huyện) (only units under CODE)")
    Optional<String> parent;

    @Option(names = "--format", defaultValue = "table", description = "csv hoặc table (mặc định: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        if (!vintage.hasLevel(level)) {
            throw new UserException("Cơ cấu " + vintage.code() + " không có cấp huyện (bỏ cấp huyện từ 01/7/2025); dùng --vintage 2024. "
                    + "Vintage " + vintage.code() + " has no " + level.code() + " level.", Main.EXIT_USAGE);
        }
        AdministrativeUnits units = new AdministrativeUnitsLoader(DataDirectory.locate()).load();
        parent.ifPresent(code -> {
            if (units.unit(vintage, code).isEmpty()) {
                throw new UserException("Không có đơn vị mã '" + code + "' trong cơ cấu " + vintage.code() + ". "
                        + "No unit '" + code + "' in vintage " + vintage.code() + ".", Main.EXIT_USAGE);
            }
        });
        List<AdminUnit> selected = units.units(vintage, level, parent);
        new Listing(List.of("code", "name", "level", "parent_code", "type", "province_code", "name_en"),
                selected.stream().map(unit -> List.of(unit.code(), unit.name(), unit.level().code(), unit.parentCode().orElse(""), unit.type(),
                        unit.provinceCode(), unit.nameEn())).toList())
                .print(format, spec.commandLine().getOut());
        return 0;
    }

    static final class VintageConverter implements picocli.CommandLine.ITypeConverter<Vintage> {
        @Override
        public Vintage convert(String value) {
            return Vintage.parse(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException("'" + value + "' is not a vintage; use 2024 or 2025"));
        }
    }

    static final class LevelConverter implements picocli.CommandLine.ITypeConverter<UnitLevel> {
        @Override
        public UnitLevel convert(String value) {
            return UnitLevel.parse(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException("'" + value + "' is not a level; use province, district or commune"));
        }
    }
}
