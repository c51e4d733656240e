package org.tesseracrm.platform.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.Test;
import org.tesseracrm.platform.api.Address;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.RecordDto;

import com.fasterxml.jackson.databind.JsonNode;

public class JsonInputTest {
    public static class Thing extends RecordDto {
        public String name;
        public String note;
        public BigDecimal amount;
        public Integer count;
        public Address address;
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    public void readsKnownFieldsWithExactDecimals() throws Exception {
        Thing t = JsonInput.read(json("{\"name\":\"Hà\",\"amount\":0.1}"), Thing.class, RecordDto.SERVER_MANAGED);
        assertEquals("Hà", t.name);
        assertEquals(new BigDecimal("0.1"), t.amount);
    }

    @Test
    public void refusesServerManagedUnknownAndMistypedFields() throws Exception {
        expect400("{\"id\":\"x\",\"name\":\"a\"}", "id");
        expect400("{\"colour\":\"red\"}", "colour");
        expect400("{\"count\":1.5}", "count");
        expect400("{\"count\":\"three\"}", "count");
        expect400("{\"address\":{\"town\":\"Huế\"}}", "address.town");
        expect400("[]", null);
    }

    @Test
    public void mergePatchReplacesMergesAndRemoves() throws Exception {
        Thing current = new Thing();
        current.id = "1";
        current.version = 3L;
        current.name = "An";
        current.note = "old";
        current.address = new Address();
        current.address.city = "Huế";
        current.address.street = "1 Lê Lợi";
        Thing patched = JsonInput.patch(current, json("{\"note\":null,\"address\":{\"street\":\"2 Trần Phú\"}}"), Thing.class,
                RecordDto.SERVER_MANAGED);
        assertEquals("An", patched.name);
        assertNull(patched.note);
        assertEquals("Huế", patched.address.city);
        assertEquals("2 Trần Phú", patched.address.street);
        assertNull("server fields are not carried into the write", patched.id);
    }

    private static void expect400(String body, String field) throws Exception {
        try {
            JsonInput.read(json(body), Thing.class, Set.of("id"));
            fail(body);
        } catch (InvalidRequestException e) {
            assertEquals(400, e.status());
            if (field != null) {
                assertEquals(body, field, e.errors().get(0).field);
            }
        }
    }
}
