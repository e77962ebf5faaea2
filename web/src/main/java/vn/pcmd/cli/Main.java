package vn.pcmd.cli;

import picocli.CommandLine;
import vn.pcmd.core.data.DataFileException;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point of {@code ./pcmd}. */
public final class Main {
    /** Exit code for a command line the user got wrong (unknown option, bad value). */
    public static final int EXIT_USAGE = 2;
    /**
     * Every command's warehouse when {@code --warehouse} is not given: {@code PCMD_WAREHOUSE} from the environment,
     * else {@code data/warehouse} in the working directory (picocli resolves the expression).
     */
    static final String DEFAULT_WAREHOUSE = "${env:PCMD_WAREHOUSE:-data/warehouse}";
    /** Exit code for a failure that is not the user's: a bug, or a broken installation. */
    public static final int EXIT_INTERNAL = 70;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
    }

    /**
     * Runs one command line with the given streams; what {@link #main} does minus the exit, so tests can call it.
     * Output is UTF-8 whatever the platform default, because Java 17 under a POSIX locale would print '?' for Vietnamese.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new PcmdCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println(Messages.get("cli.usageError", exception.getMessage()));
            failed.getErr().println(Messages.get("cli.usageHint", failed.getCommandSpec().qualifiedName()));
            failed.getErr().flush();
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof DataFileException) {
                failed.getErr().println(Messages.get("cli.brokenDataFile", exception.getMessage()));
                failed.getErr().flush();
                return 1;
            }
            if (exception instanceof UserException userException) {
                failed.getErr().println(userException.getMessage());
                failed.getErr().flush();
                return userException.exitCode();
            }
            failed.getErr().println(Messages.get("cli.internalError", exception));
            exception.printStackTrace(failed.getErr());
            failed.getErr().flush();
            return EXIT_INTERNAL;
        });
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    private static PrintWriter utf8(FileDescriptor descriptor) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8), true);
    }
}
