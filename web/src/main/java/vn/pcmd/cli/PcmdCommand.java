package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code pcmd}: every subcommand of the warehouse, one line each in {@code --help}. */
@Command(
        name = "pcmd",
        mixinStandardHelpOptions = true,
        versionProvider = PcmdCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "PCMD Warehouse — kho dữ liệu Chương trình phòng, chống mại dâm (PCMD analytics warehouse)",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
                DemoCommand.class,
                GenerateCommand.class,
                TemplateCommand.class,
                IngestCommand.class,
                JobsCommand.class,
                QueryCommand.class,
                ExportCommand.class,
                ReportCommand.class,
                ServeCommand.class,
                CatalogCommand.class,
                UnitsCommand.class,
                UserCommand.class,
        },
        footer = {"", "Mỗi lệnh có --help. Each command has --help, e.g. ./pcmd units --help"})
public final class PcmdCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // no subcommand: show what there is rather than do nothing
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.EXIT_USAGE;
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PcmdCommand.class.getPackage().getImplementationVersion();
            return new String[] {"PCMD Warehouse " + (version == null ? "(development build)" : version)};
        }
    }
}
