package org.tesseracrm.platform.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;

public class ListFiltersTest {
    enum Stage { NEW, NURTURING, WON }

    static class Deal extends RecordEntity {
        String company;
        Stage stage;
        String assignedTo;
        BigDecimal amount;
        LocalDate closeDate;
        String email;
    }

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Map<String, FieldDescriptor> fields = new LinkedHashMap<>();
    private final Map<String, Field> attributes = RecordMapper.fieldsOf(Deal.class);
    private final ListFilters filters = new ListFilters("lan", VIETNAM);
    private final LocalDate today = LocalDate.now(VIETNAM);

    public ListFiltersTest() {
        fields.put("company", FieldDescriptor.field("company", FieldType.STRING).filterable().build());
        fields.put("stage", FieldDescriptor.enumField("stage", Stage.class).filterable().build());
        fields.put("assignedTo", FieldDescriptor.field("assignedTo", FieldType.USER).filterable().build());
        fields.put("amount", FieldDescriptor.field("amount", FieldType.DECIMAL).filterable().build());
        fields.put("closeDate", FieldDescriptor.field("closeDate", FieldType.DATE).filterable().build());
        fields.put("email", FieldDescriptor.field("email", FieldType.EMAIL).filterable().build());
    }

    private ListPlan plan(Map<String, String> query) {
        return new ListPlan("Deal", fields, attributes, new ListQuery(null, query, List.of(), 10, null, false),
                new Conditions(), filters);
    }

    private static String where(ListPlan p) {
        return p.jpql.substring(p.jpql.indexOf(" WHERE ") + 7, p.jpql.indexOf(" ORDER BY "));
    }

    @Test
    public void severalValuesOfAChoiceAndTheCallerAsMe() {
        ListPlan p = plan(Map.of("stage", "NEW,NURTURING"));
        assertEquals("e.deletedAt IS NULL AND e.stage IN :p0", where(p));
        assertEquals(List.of(Stage.NEW, Stage.NURTURING), p.conditions.parameters().get("p0"));
        ListPlan mine = plan(Map.of("assignedTo", "me"));
        assertEquals("lan", mine.conditions.parameters().get("p0"));
        assertTrue("a single value leads the order", mine.jpql.contains("ORDER BY e.assignedTo ASC"));
        ListPlan notWon = plan(Map.of("stage[not]", "WON"));
        assertEquals("e.deletedAt IS NULL AND (e.stage IS NULL OR e.stage <> :p0)", where(notWon));
    }

    @Test
    public void numbersTakeBoundsAndDatesTakeDaysAndPeriods() {
        ListPlan p = plan(new LinkedHashMap<>(Map.of("amount[gte]", "10000000")));
        assertEquals("e.deletedAt IS NULL AND e.amount >= :p0", where(p));
        assertEquals(new BigDecimal("10000000"), p.conditions.parameters().get("p0"));

        ListPlan day = plan(Map.of("closeDate[to]", "2026-12-31"));
        assertEquals("e.deletedAt IS NULL AND e.closeDate < :p0", where(day));
        assertEquals(LocalDate.parse("2027-01-01"), day.conditions.parameters().get("p0"));

        ListPlan month = plan(Map.of("closeDate", "this_month"));
        assertEquals("e.deletedAt IS NULL AND e.closeDate >= :p0 AND e.closeDate < :p1", where(month));
        assertEquals(today.withDayOfMonth(1), month.conditions.parameters().get("p0"));
        assertEquals(today.withDayOfMonth(1).plusMonths(1), month.conditions.parameters().get("p1"));

        ListPlan week = plan(Map.of("closeDate", "last_7_days"));
        assertEquals(today.minusDays(6), week.conditions.parameters().get("p0"));
        assertEquals(today.plusDays(1), week.conditions.parameters().get("p1"));
    }

    @Test
    public void aRecordsCreationIsADateTimeReadInTheServersZone() {
        ListPlan p = plan(Map.of("createdAt", "today"));
        assertEquals("e.deletedAt IS NULL AND e.createdAt >= :p0 AND e.createdAt < :p1", where(p));
        assertEquals(today.atStartOfDay(VIETNAM).toInstant(), p.conditions.parameters().get("p0"));
        ListPlan exact = plan(Map.of("createdAt[lt]", "2026-11-30T08:00:00Z"));
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), exact.conditions.parameters().get("p0"));
        assertEquals("lan", plan(Map.of("createdBy", "me")).conditions.parameters().get("p0"));
    }

    @Test
    public void textIgnoresCaseAndVietnameseMarks() {
        ListPlan p = plan(Map.of("company", "Cong ty DONG A"));
        assertEquals("e.deletedAt IS NULL AND LOWER(FUNCTION('TRANSLATE', e.company, :p0, :p1)) = :p2", where(p));
        assertEquals("cong ty dong a", p.conditions.parameters().get("p2"));
        assertEquals("cong ty dong a", ListFilters.fold("Công ty Đông Á"));
        assertEquals("nguyen thi ha", ListFilters.fold("NGUYỄN THỊ HÀ"));
        ListPlan part = plan(Map.of("company[contains]", "đông"));
        assertEquals("%dong%", part.conditions.parameters().get("p2"));
        ListPlan empty = plan(Map.of("email[empty]", "true"));
        assertEquals("e.deletedAt IS NULL AND (e.email IS NULL OR e.email = '')", where(empty));
    }

    @Test
    public void aBadFilterIsA400NamingIt() {
        for (Map<String, String> bad : List.of(Map.of("stage[gte]", "NEW"), Map.of("amount[gte]", "many"),
                Map.of("closeDate", "someday"), Map.of("company[empty]", "yes"), Map.of("amount[", "1"),
                Map.of("stage", "NEW,OLD"), Map.of("nothing", "1"))) {
            try {
                plan(bad);
                fail("accepted " + bad);
            } catch (InvalidRequestException e) {
                String key = bad.keySet().iterator().next();
                assertEquals(key, e.errors().get(0).field);
            }
        }
    }
}
