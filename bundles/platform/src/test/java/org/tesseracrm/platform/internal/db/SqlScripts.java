package org.tesseracrm.platform.internal.db;

import java.util.List;

/** The platform's migration scripts split as the migrator splits them, for tests of other packages. */
public final class SqlScripts {
    private SqlScripts() {
    }

    public static List<String> statements(String script) {
        return SqlScript.statements(script);
    }
}
