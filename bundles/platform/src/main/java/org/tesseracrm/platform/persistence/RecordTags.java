package org.tesseracrm.platform.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.text.TextFolding;

/**
 * Tags on a module's records ({@code tags} on every record): a few short words a user attaches to
 * find records again, kept in one platform table with their folded form, so {@code ?tags=vip}
 * finds "VIP" and "Víp" alike and an index serves the filter.
 */
final class RecordTags {
    static final String FIELD = "tags";
    static final int MOST = 20;
    static final int LONGEST = 60;

    /** How long "no record of the collection has tags" is believed before the table is asked again. */
    private static final long UNTAGGED_CHECK_MILLIS = 5_000;

    private final String collection;
    /** Whether some record has had tags; until then pages skip the query for them (checked now and then). */
    private volatile boolean tagged;
    private volatile long untaggedSince;

    RecordTags(String collection) {
        this.collection = collection;
    }

    /** The tags as they will be kept (trimmed, each once whatever its case), or the errors of those that cannot be. */
    static List<String> cleaned(List<String> tags, List<FieldError> errors) {
        if (tags == null) {
            return null;
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.trim();
            String problem = t.isEmpty() ? "has an empty tag" : t.length() > LONGEST ? "has a tag longer than " + LONGEST + " characters"
                    : t.contains(",") ? "has a tag with a comma" : TextRules.problem(t, FieldType.STRING, true);
            if (problem != null) {
                errors.add(new FieldError(FIELD, problem));
                return tags;
            }
            byKey.putIfAbsent(key(t), t);
        }
        if (byKey.size() > MOST) {
            errors.add(new FieldError(FIELD, "has more than " + MOST + " tags"));
        }
        return new ArrayList<>(byKey.values());
    }

    static String key(String tag) {
        String folded = TextFolding.fold(tag);
        return folded.isEmpty() ? tag.toLowerCase(java.util.Locale.ROOT) : folded;
    }

    /** Makes {@code tags} the record's tags, in the running transaction. */
    void replace(EntityManager em, String id, List<String> tags) {
        if (!tags.isEmpty()) {
            tagged = true;
        }
        em.createNativeQuery("DELETE FROM tessera_tag WHERE collection = ? AND record_id = ?")
                .setParameter(1, collection).setParameter(2, id).executeUpdate();
        for (String tag : tags) {
            em.createNativeQuery("INSERT INTO tessera_tag (collection, record_id, tag, tag_key) VALUES (?, ?, ?, ?)")
                    .setParameter(1, collection).setParameter(2, id).setParameter(3, tag).setParameter(4, key(tag))
                    .executeUpdate();
        }
    }

    /** The tags of these records, by record id, in the order they were given. */
    Map<String, List<String>> of(EntityManager em, List<String> ids) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        if (ids.isEmpty() || !anyTagged(em)) {
            return tags;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        javax.persistence.Query q = em.createNativeQuery("SELECT record_id, tag FROM tessera_tag WHERE collection = ?"
                + " AND record_id IN (" + marks + ") ORDER BY record_id, tag");
        q.setParameter(1, collection);
        for (int i = 0; i < ids.size(); i++) {
            q.setParameter(i + 2, ids.get(i));
        }
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            tags.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        return tags;
    }

    private boolean anyTagged(EntityManager em) {
        long now = System.currentTimeMillis();
        if (!tagged && now - untaggedSince > UNTAGGED_CHECK_MILLIS) {
            tagged = !em.createNativeQuery("SELECT record_id FROM tessera_tag WHERE collection = ?").setParameter(1, collection)
                    .setMaxResults(1).getResultList().isEmpty();
            untaggedSince = now;
        }
        return tagged;
    }

    /** The tags records of this collection carry, each once, most used first. */
    List<String> inUse(EntityManager em) {
        List<String> tags = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Object row : em.createNativeQuery("SELECT MIN(tag), tag_key, COUNT(*) FROM tessera_tag WHERE collection = ?"
                + " GROUP BY tag_key ORDER BY COUNT(*) DESC, tag_key").setParameter(1, collection).setMaxResults(500).getResultList()) {
            Object[] r = (Object[]) row;
            if (keys.add((String) r[1])) {
                tags.add((String) r[0]);
            }
        }
        return tags;
    }

    /**
     * A list filter on tags: {@code tags=a,b} (any of them), {@code tags[not]=a} (none of them),
     * {@code tags[empty]=true|false}.
     */
    void restrict(Conditions conditions, String key, String operator, String raw) {
        // EclipseLink's SQL() puts a native condition in JPQL, its ? bound to the arguments that follow.
        String exists = "EXISTS (SELECT 1 FROM tessera_tag t WHERE t.record_id = ? AND t.collection = ?";
        if (operator.equals("empty")) {
            if (!raw.equals("true") && !raw.equals("false")) {
                throw ValueParser.invalid(key, "must be true or false");
            }
            conditions.addBound((raw.equals("true") ? "NOT " : "") + "SQL('" + exists + ")', e.id, "
                    + conditions.bind(collection) + ")");
            return;
        }
        if (!operator.equals("eq") && !operator.equals("not")) {
            throw ValueParser.invalid(key, "takes the operators eq, not, empty");
        }
        List<String> keys = new ArrayList<>();
        for (String tag : raw.split(",")) {
            if (!tag.isBlank()) {
                keys.add(key(tag.trim()));
            }
        }
        if (keys.isEmpty()) {
            throw ValueParser.invalid(key, "names no tag");
        }
        StringBuilder args = new StringBuilder("e.id, " + conditions.bind(collection));
        for (String k : keys) {
            args.append(", ").append(conditions.bind(k));
        }
        String in = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        conditions.addBound((operator.equals("not") ? "NOT " : "") + "SQL('" + exists + " AND t.tag_key IN (" + in + "))', "
                + args + ")");
    }
}
