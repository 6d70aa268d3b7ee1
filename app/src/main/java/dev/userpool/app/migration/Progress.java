package dev.userpool.app.migration;

import java.io.PrintWriter;

/**
 * How far a long run is, on standard error: a bar redrawn in place on a terminal, and otherwise
 * (a log, a pipe) a plain line at every tenth of the way, so a log is not flooded with redraws.
 */
public final class Progress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private final String unit;
    private int lastTenth = -1;

    public Progress(PrintWriter err, boolean terminal, int total) {
        this(err, terminal, total, "accounts");
    }

    /** {@code unit}: what is counted, in the plural ("accounts", "group steps"). */
    public Progress(PrintWriter err, boolean terminal, int total, String unit) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
        this.unit = unit;
    }

    public void at(int done, String what) {
        if (terminal) {
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + what
                    + "\u001B[K");   // erase what a longer previous line left
            err.flush();
            return;
        }
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth == lastTenth) return;
        lastTenth = tenth;
        err.println(done + "/" + total + " " + unit);
        err.flush();
    }

    public void finish() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }
}
