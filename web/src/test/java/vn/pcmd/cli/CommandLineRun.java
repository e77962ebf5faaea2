package vn.pcmd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return command;
    }
}
