package org.tesseracrm.platform.api.text;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class TextFoldingTest {

    @Test
    public void vietnameseNamesFoldToPlainLowerCase() {
        assertEquals("nguyen van an", TextFolding.fold("Nguyễn Văn An"));
        assertEquals("dang thi hoa", TextFolding.fold("Đặng Thị Hoà"));
        assertEquals("ho chi minh", TextFolding.fold("Hồ Chí Minh"));
        assertEquals("tran duc thang", TextFolding.fold("TRẦN ĐỨC THẮNG"));
    }

    @Test
    public void queriesFoldTheSameWaySoTheyMatch() {
        assertTrue(TextFolding.fold("Thành phố Hồ Chí Minh").contains(TextFolding.fold("HO CHI MINH")));
        assertEquals(List.of("nguyen", "van"), TextFolding.tokens("  nguyễn,  VĂN "));
        assertEquals(List.of(), TextFolding.tokens("  ,, "));
    }

    @Test
    public void emailsAndPhonesKeepTheirSearchableCharacters() {
        assertEquals("an.nguyen@example.vn +84 90-123", TextFolding.fold("An.Nguyen@Example.vn  (+84) 90-123"));
    }

    @Test
    public void foldAllSkipsMissingValues() {
        assertEquals("acme nguyen", TextFolding.foldAll("ACME", null, "", "Nguyễn"));
        assertEquals("", TextFolding.fold(null));
    }
}
