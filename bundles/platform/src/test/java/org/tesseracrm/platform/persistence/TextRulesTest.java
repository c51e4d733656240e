package org.tesseracrm.platform.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import org.junit.Test;
import org.tesseracrm.platform.api.spi.FieldType;

public class TextRulesTest {

    @Test
    public void vietnameseNamesAndEmojiAreText() {
        assertNull(TextRules.problem("Nguyễn Văn An", FieldType.STRING, true));
        assertNull(TextRules.problem("Công ty Ánh Dương 🌅", FieldType.STRING, true));
        assertNull(TextRules.problem("Dòng một\nDòng hai\tcột", FieldType.TEXT, false));
    }

    @Test
    public void aRequiredFieldNeedsSomethingVisible() {
        for (String invisible : new String[] {"\u200b", "\u200b\u200c", " \u00a0", "\ufeff", "\u2060"}) {
            assertEquals(invisible.codePointAt(0) + "", "is required", TextRules.problem(invisible, FieldType.STRING, true));
            assertNull(TextRules.problem(invisible, FieldType.STRING, false));
        }
    }

    @Test
    public void controlDirectionAndBrokenCharactersAreRefused() {
        assertNotNull(TextRules.problem("\u0000", FieldType.STRING, false));
        assertNotNull(TextRules.problem("a\u0000b", FieldType.TEXT, false));
        assertNotNull(TextRules.problem("line\nbreak", FieldType.STRING, false));
        assertNotNull(TextRules.problem("\u202egnp.exe", FieldType.STRING, false));
        assertNotNull(TextRules.problem("x\u2066y", FieldType.STRING, false));
        assertNotNull(TextRules.problem("broken \ud800", FieldType.STRING, false));
        assertNotNull(TextRules.problem("\udc00 broken", FieldType.STRING, false));
    }

    @Test
    public void urlsAreWebAddresses() {
        assertNull(TextRules.problem("https://anhduong.vn/lien-he", FieldType.URL, false));
        assertNull(TextRules.problem("http://example.vn", FieldType.URL, false));
        assertNull(TextRules.problem("www.example.vn/gioi-thieu", FieldType.URL, false));
        assertNull(TextRules.problem("", FieldType.URL, false));
        for (String bad : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd", "data:text/html,x",
                "ftp://example.vn", "http://", "mailto:a@b.vn"}) {
            assertEquals(bad, "must be a web address (http or https)", TextRules.problem(bad, FieldType.URL, false));
        }
    }
}
