package org.tesseracrm.platform.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;

public class ListPlanTest {
    enum Colour { RED, BLUE }

    static class Thing extends RecordEntity {
        String name;
        Colour colour;
        Integer size;
    }

    private final Map<String, FieldDescriptor> fields = new LinkedHashMap<>();
    private final Map<String, Field> attributes = RecordMapper.fieldsOf(Thing.class);

    public ListPlanTest() {
        fields.put("name", FieldDescriptor.field("name", FieldType.STRING).sortable().filterable().build());
        fields.put("colour", FieldDescriptor.enumField("colour", Colour.class).filterable().build());
        fields.put("size", FieldDescriptor.field("size", FieldType.INTEGER).sortable().build());
    }

    private ListPlan plan(Map<String, String> filters, List<String> sort, String cursor, String q) {
        return new ListPlan("Thing", fields, attributes, new ListQuery(q, filters, sort, 10, cursor, false), new Conditions(),
                new ListFilters("lan", java.time.ZoneOffset.UTC));
    }

    @Test
    public void filtersAndSearchBecomeParametersNeverText() {
        ListPlan p = plan(Map.of("colour", "RED"), List.of("name"), null, "Nguyễn  Văn");
        assertEquals("SELECT e FROM Thing e WHERE e.deletedAt IS NULL AND e.colour = :p0 AND e.searchText LIKE :p1"
                + " AND e.searchText LIKE :p2 ORDER BY e.colour ASC, e.name ASC NULLS FIRST, e.id ASC", p.jpql);
        assertEquals(Colour.RED, p.conditions.parameters().get("p0"));
        assertEquals("%nguyen%", p.conditions.parameters().get("p1"));
        assertEquals("%van%", p.conditions.parameters().get("p2"));
    }

    @Test
    public void defaultSortIsNewestFirst() {
        assertTrue(plan(Map.of(), List.of(), null, null).jpql.endsWith("ORDER BY e.createdAt DESC, e.id DESC"));
    }

    @Test
    public void emptyFilterMeansNoValue() {
        assertTrue(plan(Map.of("name", ""), List.of(), null, null).jpql.contains("e.name IS NULL"));
    }

    @Test
    public void cursorContinuesAfterTheLastRowIncludingNulls() {
        Thing last = new Thing();
        last.id = "0190-b";
        last.name = null;
        last.size = 7;
        last.createdAt = Instant.parse("2026-01-02T03:04:05.123456Z");
        String cursor = plan(Map.of(), List.of("name", "-size"), null, null).cursorAfter(last, Map.of());

        ListPlan next = plan(Map.of(), List.of("name", "-size"), cursor, null);
        assertTrue(next.jpql, next.jpql.contains("((e.name IS NOT NULL) OR (e.name IS NULL AND (e.size < :p0 OR e.size IS NULL))"
                + " OR (e.name IS NULL AND e.size = :p1 AND e.id < :p2))"));
        assertTrue(next.jpql, next.jpql.endsWith("ORDER BY e.name ASC NULLS FIRST, e.size DESC NULLS LAST, e.id DESC"));
        assertEquals(7, next.conditions.parameters().get("p0"));
        assertEquals("0190-b", next.conditions.parameters().get("p2"));
    }

    @Test
    public void aNeverNullFirstKeyGetsARangeBoundAnIndexCanUse() {
        Thing last = new Thing();
        last.id = "0190-c";
        last.createdAt = Instant.parse("2026-01-02T03:04:05Z");
        String cursor = plan(Map.of(), List.of(), null, null).cursorAfter(last, Map.of());
        ListPlan next = plan(Map.of(), List.of(), cursor, null);
        assertTrue(next.jpql, next.jpql.contains("((e.createdAt < :p0) OR (e.createdAt = :p1 AND e.id < :p2)) AND e.createdAt <= :p3"));
    }

    @Test
    public void aCursorOnlyWorksWithTheSortItWasMadeFor() {
        Thing last = new Thing();
        last.id = "x";
        last.name = "A";
        String cursor = plan(Map.of(), List.of("name"), null, null).cursorAfter(last, Map.of());
        expectBadRequest(() -> plan(Map.of(), List.of("-name"), cursor, null), "cursor");
        expectBadRequest(() -> plan(Map.of(), List.of(), "%%%", null), "cursor");
    }

    @Test
    public void onlyDeclaredFiltersAndSortsAreAllowed() {
        expectBadRequest(() -> plan(Map.of("size", "3"), List.of(), null, null), "size");
        expectBadRequest(() -> plan(Map.of("colour", "GREEN"), List.of(), null, null), "colour");
        expectBadRequest(() -> plan(Map.of(), List.of("colour"), null, null), "sort");
        expectBadRequest(() -> plan(Map.of("searchText", "x"), List.of(), null, null), "searchText");
    }

    private static void expectBadRequest(Runnable r, String field) {
        try {
            r.run();
            fail("expected 400 on " + field);
        } catch (InvalidRequestException e) {
            assertEquals(field, e.errors().get(0).field);
        }
    }
}
