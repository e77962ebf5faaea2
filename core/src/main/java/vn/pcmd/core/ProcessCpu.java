package vn.pcmd.core;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this process has used, for benchmarks on a shared machine: it moves far less with other work's load
 * than wall time, and it counts every thread of the process, the JIT compiler's and GC's, and native ones (DuckDB's).
 */
public final class ProcessCpu {
    private ProcessCpu() {}

    public static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
