package org.tesseracrm.platform.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;
import org.tesseracrm.platform.api.InvalidRequestException;

public class RecordResourceTest {

    @Test
    public void ifMatchNamesAVersion() {
        assertEquals(Long.valueOf(3), RecordResource.version("\"3\""));
        assertEquals(Long.valueOf(3), RecordResource.version("W/\"3\""));
        assertNull(RecordResource.version(null));
        assertNull(RecordResource.version("*"));
    }

    @Test(expected = InvalidRequestException.class)
    public void aForeignEntityTagIsABadRequest() {
        RecordResource.version("\"abc\"");
    }
}
