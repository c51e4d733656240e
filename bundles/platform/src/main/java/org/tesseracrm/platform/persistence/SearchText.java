package org.tesseracrm.platform.persistence;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.aries.jpa.template.EmFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.text.TextFolding;

/**
 * A module's {@code q} search: each record's folded search text (its number and searchable fields),
 * kept in its row and, on the embedded H2, in an in-memory trigram index that narrows a search to a
 * few candidate ids the database then checks word by word. On PostgreSQL, which several nodes may
 * share, the database's own trigram index on the row's text answers alone.
 */
final class SearchText {
    private static final Logger LOG = LoggerFactory.getLogger(SearchText.class);
    private static final int BATCH = 5000;

    private final List<Field> searchFields;
    /** Searchable phone numbers: their digits are words too, so a number is found however it was written. */
    private final java.util.Set<Field> phones;
    /** The field naming the record's owner (besides its creator), or null. */
    private final Field owner;
    private final String collection;
    private final String entityName;
    private final RecordContext context;
    private final Function<EmFunction<List<Object[]>>, List<Object[]>> read;
    private final TextIndex index = new TextIndex();
    private final AtomicBoolean loading = new AtomicBoolean();

    SearchText(List<Field> searchFields, java.util.Set<Field> phones, Field owner, String collection, String entityName,
            RecordContext context, Function<EmFunction<List<Object[]>>, List<Object[]>> read) {
        this.searchFields = searchFields;
        this.phones = phones;
        this.owner = owner;
        if (owner != null) {
            owner.setAccessible(true);
        }
        this.collection = collection;
        this.entityName = entityName;
        this.context = context;
        this.read = read;
        searchFields.forEach(f -> f.setAccessible(true));
    }

    /**
     * Sets the record's search text and adds it to the index before the commit: should the
     * transaction roll back, the index holds one candidate too many, which the database drops. A
     * change that leaves the text as it was (a status, an owner) adds nothing, so the index grows
     * with new records and edited words only, until the next start rebuilds it.
     */
    void index(RecordEntity entity) {
        index(entity, List.of());
    }

    /** As {@link #index(RecordEntity)}, with more words of the record (its searchable custom fields). */
    void index(RecordEntity entity, List<String> more) {
        String text = textOf(entity, more);
        if (!text.equals(entity.searchText)) {
            entity.searchText = text;
            if (!context.sharedDatabase()) {
                index.add(entity.id, text);
            }
        }
    }

    /**
     * Narrows a list searching for {@code q} to the index's candidates, once the index is loaded;
     * for a caller who sees only some owners' records ({@code owners}, null for all), to theirs.
     */
    void restrict(String q, Conditions conditions, java.util.Collection<String> owners) {
        if (context.sharedDatabase()) {
            return; // the database's trigram index answers, the same for every node (no index of this node's own)
        }
        loadOnce();
        List<String> words = TextFolding.tokens(q);
        if (words.isEmpty()) {
            return;
        }
        List<String> people = owners == null ? null : owners.stream().map(SearchText::personToken).toList();
        Set<String> candidates = index.candidates(words, people);
        if (candidates != null) {
            // The index's superset: the database still checks every word on these rows only.
            if (candidates.isEmpty()) {
                conditions.add("e.id IS NULL");
            } else {
                conditions.add("e.id IN ?", new ArrayList<>(candidates));
            }
        }
    }

    /** The first list starts loading the index; until it is loaded, {@code q} scans the table. */
    private void loadOnce() {
        if (!loading.getAndSet(true)) {
            context.inBackground(this::load);
        }
    }

    /** Reads every record's search text into the index, in id order a batch at a time. */
    private void load() {
        String jpql = "SELECT e.id, e.searchText, e.createdBy" + (owner == null ? "" : ", e." + owner.getName()) + " FROM "
                + entityName + " e WHERE e.id > :after ORDER BY e.id";
        String after = "";
        long started = System.nanoTime();
        long count = 0;
        try {
            while (true) {
                String from = after;
                List<Object[]> rows = read.apply(em -> em.createQuery(jpql, Object[].class).setParameter("after", from)
                        .setMaxResults(BATCH).getResultList());
                for (Object[] row : rows) {
                    // The people from their columns: rows written by other means may lack their tokens.
                    index.add((String) row[0], people((String) row[2], row.length > 3 ? (String) row[3] : null) + row[1]);
                }
                count += rows.size();
                if (rows.size() < BATCH) {
                    break;
                }
                after = (String) rows.get(rows.size() - 1)[0];
            }
        } catch (RuntimeException e) {
            // What was read stays (a superset is harmless); the next list tries again.
            loading.set(false);
            LOG.warn("Text index of {} not loaded; q scans the table until a later list retries", collection, e);
            return;
        }
        index.completed();
        LOG.info("Text index of {} loaded: {} records in {} ms", collection, count, (System.nanoTime() - started) / 1_000_000);
    }

    private String textOf(RecordEntity entity, List<String> more) {
        String assignee;
        try {
            assignee = owner == null ? null : (String) owner.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        String people = people(entity.createdBy, assignee);
        List<String> values = new ArrayList<>();
        values.add(entity.number);
        try {
            for (Field f : searchFields) {
                Object v = f.get(entity);
                if (v instanceof EmbeddedAddress) {
                    EmbeddedAddress a = (EmbeddedAddress) v;
                    values.add(a.street);
                    values.add(a.city);
                    values.add(a.state);
                    values.add(a.country);
                } else if (v != null) {
                    values.add(v.toString());
                    if (phones.contains(f)) {
                        values.add(org.tesseracrm.platform.internal.exchange.Values.phoneDigits(v.toString()));
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        values.addAll(more);
        String text = people + TextFolding.foldAll(values.toArray(new String[0]));
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    /** The tokens of a record's creator and owner, each followed by a space; "" when it has none. */
    private static String people(String createdBy, String assignee) {
        StringBuilder tokens = new StringBuilder();
        if (createdBy != null && !createdBy.isEmpty()) {
            tokens.append(personToken(createdBy)).append(' ');
        }
        if (assignee != null && !assignee.isEmpty() && !assignee.equals(createdBy)) {
            tokens.append(personToken(assignee)).append(' ');
        }
        return tokens.toString();
    }

    /**
     * A user in the search text, in private-use characters: no folded word of a {@code q} (letters,
     * digits and a few marks) can ever match inside it, and a change of owner changes the text, so
     * the index learns the new owner as it learns new words.
     */
    static String personToken(String user) {
        StringBuilder token = new StringBuilder(user.length() + 1).append(PERSON);
        for (int i = 0; i < user.length(); i++) {
            token.append((char) (PERSON + 1 + user.charAt(i) % 0x0EFF));
        }
        return token.toString();
    }

    private static final char PERSON = '\uE000';
}
