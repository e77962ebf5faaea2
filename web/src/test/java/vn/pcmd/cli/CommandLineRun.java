package vn.pcmd.cli;

import vn.pcmd.core.testing.OwnJvm;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** What one run of the command line printed and returned. */
record CommandLineRun(int exitCode, String out, String err) {
    static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandLineRun(exitCode, out.toString(), err.toString());
    }

    /**
     * The command line that runs {@code pcmd ARGS} in a JVM of its own, on this test's classpath: for what one JVM
     * cannot show of itself (the classes it loads, its environment, its working directory).
     */
    static List<String> inOwnJvm(List<String> jvmOptions, List<String> args) {
        return OwnJvm.command(jvmOptions, Main.class.getName(), args);
    }
}
