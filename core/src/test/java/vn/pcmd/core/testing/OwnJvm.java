package vn.pcmd.core.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs a main class in a JVM of its own, on the running test's classpath and JDK: for what a
 * test cannot do inside its own JVM (kill it mid-write, see the classes it loads, give it its own environment or
 * working directory).
 */
public final class OwnJvm {
    private OwnJvm() {}

    public static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return command;
    }
}
