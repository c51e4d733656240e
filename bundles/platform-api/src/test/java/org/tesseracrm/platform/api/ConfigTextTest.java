package org.tesseracrm.platform.api;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class ConfigTextTest {
    /** What Karaf hands over for a UTF-8 file: each byte as one character. */
    private static String asKarafReadsIt(String written) {
        return new String(written.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    public void utf8WrittenTextReadsAsWritten() {
        assertEquals("Công ty Cổ phần Hạt điều Bình Phước", ConfigText.of(asKarafReadsIt("Công ty Cổ phần Hạt điều Bình Phước")));
        assertEquals("Tessera CRM", ConfigText.of("Tessera CRM"));
    }

    @Test
    public void latin1AndEscapedTextStayAsTheyAre() {
        assertEquals("Café Müller", ConfigText.of("Café Müller")); // not valid UTF-8 as bytes
        assertEquals("Công ty", ConfigText.of("C\u00f4ng ty")); // a \\u escape in the file
        assertEquals("Đông Á", ConfigText.of("Đông Á"));
    }
}
