package vn.pcmd.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import vn.pcmd.core.Progress;

import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * A progress bar on the command line's error stream (count, total, rate per second), so that it never mixes with
 * what a command prints for other programs. Short tasks stay quiet: a bar that appears and is gone at once is noise.
 */
final class ConsoleProgress implements Progress {
    /** Below this many steps no bar is drawn. */
    static final long QUIET_BELOW = 50;
    private static final int WIDTH = 100;

    private final PrintWriter err;
    private final int updateMillis;
    private volatile ProgressBar bar;

    ConsoleProgress(PrintWriter err) {
        this.err = requireNonNull(err, "err is null");
        // redrawn often on a terminal; seldom when the stream goes to a file or a log, which keeps every redraw
        this.updateMillis = System.console() != null ? 200 : 2000;
    }

    @Override
    public synchronized void start(String task, long total) {
        finish();
        if (total >= 0 && total < QUIET_BELOW) {
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(updateMillis)
                .showSpeed(new DecimalFormat("0"))
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setConsumer(new WriterConsumer(err))
                .build();
    }

    @Override
    public void advance(long done) {
        ProgressBar current = bar;
        if (current != null) {
            current.stepBy(done);
        }
    }

    @Override
    public synchronized void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** Draws each update over the last one on the same line. */
    private static final class WriterConsumer implements ProgressBarConsumer {
        private final PrintWriter out;

        WriterConsumer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            return WIDTH;
        }

        @Override
        public void accept(String rendered) {
            out.print('\r');
            out.print(rendered);
            out.flush();
        }

        @Override
        public void close() {
            out.println();
            out.flush();
        }
    }
}
