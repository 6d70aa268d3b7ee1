package dev.userpool.embedded;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on the database's connection; {@link EmbeddedDatabase} runs it under its lock. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
