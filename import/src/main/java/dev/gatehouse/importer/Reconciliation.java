package dev.gatehouse.importer;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per source table: rows read, imported now, imported by an earlier run, refused (by reason), left out on purpose,
 * and failed. A row that is in none of these was lost without a reason; so is a failed one, until a run gets it in.
 */
public final class Reconciliation {

    /** Counts for one table. */
    public static final class Table {
        public long read;
        public long imported;
        public long alreadyImported;
        public long leftOut;
        public long failed;
        public final Map<String, Long> refused = new TreeMap<>();
        public String leftOutBecause;

        public long refusedTotal() {
            return refused.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Rows read that are accounted for by nothing. */
        public long unexplained() {
            return read - imported - alreadyImported - refusedTotal() - leftOut;
        }
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();

    public Table table(String name) {
        return tables.computeIfAbsent(name, ignored -> new Table());
    }

    public Map<String, Table> tables() {
        return tables;
    }

    /** True when every row read is imported, already imported, refused with a reason or left out on purpose. */
    public boolean complete() {
        return tables.values().stream().allMatch(t -> t.unexplained() == 0 && t.failed == 0);
    }

    public void print(PrintStream out, boolean dryRun) {
        out.println();
        out.println(dryRun ? "Reconciliation (dry run: nothing was sent)" : "Reconciliation");
        out.printf("%-28s %8s %9s %9s %8s %9s %7s%n", "table", "read", dryRun ? "would" : "imported", "earlier",
                "refused", "left out", "failed");
        for (Map.Entry<String, Table> entry : tables.entrySet()) {
            Table t = entry.getValue();
            out.printf("%-28s %8d %9d %9d %8d %9d %7d%n", entry.getKey(), t.read, t.imported, t.alreadyImported,
                    t.refusedTotal(), t.leftOut, t.failed);
            t.refused.forEach((reason, count) -> out.printf("    refused %-40s %d%n", reason, count));
            if (t.leftOutBecause != null) {
                out.printf("    left out: %s%n", t.leftOutBecause);
            }
            if (t.unexplained() != 0) {
                out.printf("    LOST WITHOUT A REASON: %d%n", t.unexplained());
            }
        }
        out.println(complete() ? "Every row read is accounted for."
                : "Some rows are not accounted for (failed or lost): run again once the cause is fixed.");
    }
}
