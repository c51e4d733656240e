package org.tesseracrm.platform.internal.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One script {@code V<n>__<description>[.<dialect>].sql}; a dialect's script replaces the plain one. */
final class Migration {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)(?:\\.([a-z0-9]+))?\\.sql");

    final int version;
    final String description;
    final String file;
    final String dialect;

    private Migration(int version, String description, String file, String dialect) {
        this.version = version;
        this.description = description;
        this.file = file;
        this.dialect = dialect;
    }

    /** The scripts to run on {@code dialect}, in version order. */
    static List<Migration> select(List<String> files, String dialect) {
        Map<Integer, Migration> byVersion = new TreeMap<>();
        for (String file : files) {
            Matcher m = NAME.matcher(file);
            if (!m.matches()) {
                throw new IllegalArgumentException("Migration file name " + file + " is not V<n>__<description>[.<dialect>].sql");
            }
            String scriptDialect = m.group(3);
            if (scriptDialect != null && !scriptDialect.equals(dialect)) {
                continue;
            }
            Migration candidate = new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), file, scriptDialect);
            Migration present = byVersion.get(candidate.version);
            if (present == null || present.dialect == null && candidate.dialect != null) {
                byVersion.put(candidate.version, candidate);
            } else if ((present.dialect == null) == (candidate.dialect == null)) {
                throw new IllegalArgumentException("Two migrations with version " + candidate.version);
            }
        }
        List<Migration> ordered = new ArrayList<>(byVersion.values());
        ordered.sort(Comparator.comparingInt(x -> x.version));
        return ordered;
    }
}
