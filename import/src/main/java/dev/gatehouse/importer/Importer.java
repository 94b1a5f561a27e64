package dev.gatehouse.importer;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Runs a source's steps in order against Gatehouse and counts every row. A real run is idempotent and resumable:
 * the endpoints answer {@code already_imported} for rows an earlier (perhaps interrupted) run brought in, with the
 * same ids, so running again simply carries on. A dry run sends nothing and prints every row it would send or
 * refuse; it stands in made-up ids for the rows it would import, so later steps are checked as in a real run.
 */
public final class Importer {

    private final Source source;
    private final Gatehouse gatehouse;
    private final boolean dryRun;
    private final PrintStream out;

    public Importer(Source source, Gatehouse gatehouse, boolean dryRun, PrintStream out) {
        this.source = source;
        this.gatehouse = gatehouse;
        this.dryRun = dryRun;
        this.out = out;
    }

    public Reconciliation run(Connection connection) throws SQLException {
        Reconciliation reconciliation = new Reconciliation();
        IdBook ids = new IdBook();
        for (Step step : source.steps()) {
            Reconciliation.Table counts = reconciliation.table(step.table());
            if (step.reader() == null) {
                counts.read = countRows(connection, step.table());
                counts.leftOut = counts.read;
                counts.leftOutBecause = step.notImportedBecause();
                continue;
            }
            List<Row> rows = step.reader().rows(connection, ids);
            for (Row row : rows) {
                counts.read++;
                if (row.refusal() != null) {
                    counts.refused.merge(row.refusal(), 1L, Long::sum);
                    out.printf("refuse %s %s: %s%n", step.table(), row.sourceId(), row.refusal());
                    continue;
                }
                if (dryRun) {
                    counts.imported++;
                    ids.put(step.table(), row.sourceId(), UUID.randomUUID());
                    out.printf("would import %s %s%s%n", step.table(), row.sourceId(), noted(row));
                    continue;
                }
                Answer answer = gatehouse.send(row.service(), row.path(), row.body());
                switch (answer.kind()) {
                    case IMPORTED -> counts.imported++;
                    case ALREADY_IMPORTED -> counts.alreadyImported++;
                    case REFUSED -> {
                        counts.refused.merge(answer.reason(), 1L, Long::sum);
                        out.printf("refused %s %s: %s%n", step.table(), row.sourceId(), answer.reason());
                    }
                    case FAILED -> {
                        counts.failed++;
                        out.printf("FAILED %s %s: %s%n", step.table(), row.sourceId(), answer.reason());
                    }
                }
                if (answer.landed()) {
                    ids.put(step.table(), row.sourceId(), answer.gatehouseId());
                    if (row.note() != null) {
                        out.printf("imported %s %s%s%n", step.table(), row.sourceId(), noted(row));
                    }
                }
            }
        }
        return reconciliation;
    }

    private static String noted(Row row) {
        return row.note() == null ? "" : " (" + row.note() + ")";
    }

    private static long countRows(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from " + quote(table));
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
