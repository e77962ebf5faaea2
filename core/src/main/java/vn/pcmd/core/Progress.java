package vn.pcmd.core;

/**
 * Where long work reports how far it has got; the command line shows it as a progress bar, tests ignore it.
 * Implementations must be safe to call from several threads.
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {}

        @Override
        public void advance(long done) {}

        @Override
        public void finish() {}
    };

    /** Begins a task of {@code total} steps (forms, files, jobs); -1 when the total is not known. */
    void start(String task, long total);

    /** Adds {@code done} finished steps. */
    void advance(long done);

    void finish();
}
