package org.tesseracrm.platform.persistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Page;

/**
 * One child collection of a module's records: rows that belong to one record and live only with it
 * (a campaign's members, a lead's touches). The platform lists them a page at a time in a stable order
 * (the order attribute, then the id) with an opaque cursor, however many there are; a module records
 * their changes in the parent's history and for webhooks and listeners with
 * {@link JpaRecordService#childChanged}. The child entity has a string attribute {@code id}.
 *
 * @param <C> the child entity
 */
public final class ChildRows<C> {
    private final Class<C> type;
    private final String entity;
    private final String parent;
    private final String order;
    private final boolean newestFirst;
    private final java.lang.reflect.Field id;

    /**
     * @param type the child entity
     * @param parentAttribute its attribute holding the parent record's id
     * @param orderAttribute its attribute the list is ordered by (then the id)
     * @param newestFirst descending (a log, newest on top) rather than ascending (in the order added)
     */
    public ChildRows(Class<C> type, String parentAttribute, String orderAttribute, boolean newestFirst) {
        this.type = type;
        Entity annotation = type.getAnnotation(Entity.class);
        this.entity = annotation != null && !annotation.name().isEmpty() ? annotation.name() : type.getSimpleName();
        this.parent = parentAttribute;
        this.order = orderAttribute;
        this.newestFirst = newestFirst;
        this.id = RecordMapper.fieldsOf(type).get("id");
        if (id == null) {
            throw new IllegalArgumentException(type.getName() + " has no attribute id");
        }
        id.setAccessible(true);
    }

    /**
     * Up to {@code limit} children of {@code parentId} whose attributes equal {@code equal} (e.g. a
     * status), after the position {@code cursor} names (null: from the start). Rows {@code visible}
     * refuses (a member the caller may not see) are left out; the page is then shorter, and its cursor
     * still leads on.
     */
    public Page<C> page(EntityManager em, String parentId, Map<String, Object> equal, int limit, String cursor, Predicate<C> visible) {
        String after = decode(cursor);
        StringBuilder jpql = new StringBuilder("SELECT c FROM ").append(entity).append(" c WHERE c.").append(parent).append(" = :parent");
        int n = 0;
        for (String attribute : equal.keySet()) {
            jpql.append(" AND c.").append(attribute).append(" = :v").append(n++);
        }
        String beyond = newestFirst ? " < " : " > ";
        if (after != null) {
            String position = "(SELECT p." + order + " FROM " + entity + " p WHERE p.id = :after)";
            jpql.append(" AND (c.").append(order).append(beyond).append(position).append(" OR (c.").append(order).append(" = ")
                    .append(position).append(" AND c.id").append(beyond).append(":after))");
        }
        String direction = newestFirst ? " DESC" : "";
        jpql.append(" ORDER BY c.").append(order).append(direction).append(", c.id").append(direction);
        TypedQuery<C> query = em.createQuery(jpql.toString(), type).setParameter("parent", parentId);
        n = 0;
        for (Object value : equal.values()) {
            query.setParameter("v" + n++, value);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        List<C> rows = query.setHint("eclipselink.read-only", "true").setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<C> page = more ? rows.subList(0, limit) : rows;
        List<C> shown = new ArrayList<>(page.size());
        for (C row : page) {
            if (visible.test(row)) {
                shown.add(row);
            }
        }
        return new Page<>(shown, more ? encode(idOf(page.get(page.size() - 1))) : null);
    }

    /** The {@code limit} parameter of a child list: 1 to {@code max}, {@code fallback} when absent; 400 otherwise. */
    public static int limit(String limit, int fallback, int max) {
        if (limit == null || limit.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("limit must be a number from 1 to " + max,
                List.of(new FieldError("limit", "must be a number from 1 to " + max)));
    }

    private Object idOf(C row) {
        try {
            return id.get(row);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Object id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.valueOf(id).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!id.isEmpty() && id.length() <= 40 && id.chars().allMatch(ch -> ch == '-' || Character.isLetterOrDigit(ch))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidRequestException("cursor is not a cursor of this list",
                List.of(new FieldError("cursor", "is not a cursor of this list")));
    }
}
