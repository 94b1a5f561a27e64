package dev.gatehouse.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One source table, read in a stable order. A step either imports its rows (turning each into a {@link Row} with
 * the ids earlier steps got) or leaves the whole table out on purpose, with {@code notImportedBecause} saying why.
 */
public record Step(String table, Reader reader, String notImportedBecause) {

    public interface Reader {
        List<Row> rows(Connection source, IdBook ids) throws SQLException;
    }

    public static Step imports(String table, Reader reader) {
        return new Step(table, reader, null);
    }

    public static Step leavesOut(String table, String because) {
        return new Step(table, null, because);
    }
}
