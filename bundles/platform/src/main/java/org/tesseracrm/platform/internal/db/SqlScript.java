package org.tesseracrm.platform.internal.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements: `--` comment lines dropped, `;` at a line end ends one.
 * {@value #RECORD_COLUMNS} stands for the columns of {@code RecordEntity}, which every record table
 * has, so their definition lives once, next to the entity.
 */
final class SqlScript {
    static final String RECORD_COLUMNS = "@RECORD_COLUMNS@";
    static final String RECORD_COLUMN_DEFINITIONS = String.join(",\n    ",
            "id VARCHAR(36) NOT NULL PRIMARY KEY",
            "number VARCHAR(20) NOT NULL",
            "version BIGINT NOT NULL",
            "createdAt TIMESTAMP NOT NULL",
            "createdBy VARCHAR(100)",
            "updatedAt TIMESTAMP NOT NULL",
            "updatedBy VARCHAR(100)",
            "deletedAt TIMESTAMP",
            "deletedBy VARCHAR(100)",
            "searchText VARCHAR(2000)");

    private SqlScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.replace(RECORD_COLUMNS, RECORD_COLUMN_DEFINITIONS).split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().trim();
                statements.add(sql.substring(0, sql.length() - 1).trim());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }
}
