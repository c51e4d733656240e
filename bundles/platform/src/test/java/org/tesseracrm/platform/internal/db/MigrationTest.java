package org.tesseracrm.platform.internal.db;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

public class MigrationTest {

    @Test
    public void scriptsRunInVersionOrderAndADialectScriptReplacesThePlainOne() {
        List<String> files = List.of("V2__add_index.sql", "V10__later.sql", "V1__init.sql", "V2__add_index.postgresql.sql");
        assertEquals(List.of("V1__init.sql", "V2__add_index.sql", "V10__later.sql"), names(Migration.select(files, "h2")));
        assertEquals(List.of("V1__init.sql", "V2__add_index.postgresql.sql", "V10__later.sql"), names(Migration.select(files, "postgresql")));
        assertEquals("add index", Migration.select(files, "h2").get(1).description);
    }

    @Test(expected = IllegalArgumentException.class)
    public void twoScriptsWithOneVersionAreAnError() {
        Migration.select(List.of("V1__a.sql", "V1__b.sql"), "h2");
    }

    @Test(expected = IllegalArgumentException.class)
    public void badlyNamedScriptsAreAnError() {
        Migration.select(List.of("init.sql"), "h2");
    }

    @Test
    public void scriptsSplitIntoStatementsWithoutComments() {
        String script = "-- the table\nCREATE TABLE t (\n  a INT -- inline stays\n);\n\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2)";
        assertEquals(List.of("CREATE TABLE t (\n  a INT -- inline stays\n)", "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)"),
                SqlScript.statements(script));
    }

    @Test
    public void recordColumnsAreWrittenOnceByThePlatform() {
        String sql = SqlScript.statements("CREATE TABLE x (\n    @RECORD_COLUMNS@,\n    name VARCHAR(10)\n);").get(0);
        assertEquals(true, sql.contains("id VARCHAR(36) NOT NULL PRIMARY KEY,\n    number VARCHAR(20) NOT NULL"));
        assertEquals(true, sql.contains("searchText VARCHAR(2000),\n    name VARCHAR(10)"));
    }

    private static List<String> names(List<Migration> migrations) {
        return migrations.stream().map(m -> m.file).collect(Collectors.toList());
    }
}
