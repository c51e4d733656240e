package org.tesseracrm.platform.internal.i18n;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.tesseracrm.platform.api.FieldError;

public class MessageCatalogueTest {

    private static MessageCatalogue platform() throws IOException {
        try (InputStream in = MessageCatalogueTest.class.getResourceAsStream("/tessera/messages_vi.txt")) {
            return MessageCatalogue.read(in, "messages_vi.txt");
        }
    }

    private static MessageCatalogue of(String text) throws IOException {
        return MessageCatalogue.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    public void translatesWholeMessagesWithTheirValues() throws IOException {
        MessageCatalogue vi = platform();
        assertFalse(vi.isEmpty());
        assertEquals("là bắt buộc", vi.translate("is required"));
        assertEquals("tối đa 255 ký tự", vi.translate("must be at most 255 characters"));
        assertEquals("không thể chuyển status từ NEW sang CONVERTED (được phép: [NURTURING])",
                vi.translate("cannot change status from NEW to CONVERTED (allowed: [NURTURING])"));
        assertEquals("Dữ liệu không hợp lệ", vi.translate("Unprocessable Content"));
    }

    @Test
    public void aFieldAndItsMessageKeepTheFieldName() throws IOException {
        assertEquals("lastName là bắt buộc", platform().translate("lastName is required"));
        assertEquals("limit phải là số", platform().translate("limit must be a number"));
    }

    @Test
    public void messagesWithoutATranslationStayInEnglish() throws IOException {
        assertEquals("Something nobody translated", platform().translate("Something nobody translated"));
        assertEquals("must be a percentage of nothing", platform().translate("must be a percentage of nothing"));
    }

    @Test
    public void aModulesPatternComesBeforeThePlatformsGeneralOne() throws IOException {
        MessageCatalogue merged = MessageCatalogue.of(List.of(of("lastName is required\n= Hãy nhập họ\n"), platform()));
        assertEquals("Hãy nhập họ", merged.translate("lastName is required"));
        assertEquals("firstName là bắt buộc", merged.translate("firstName is required"));
    }

    @Test
    public void aMalformedFileIsRefused() {
        assertThrows(IOException.class, () -> of("= a translation of nothing\n"));
        assertThrows(IOException.class, () -> of("a pattern without a translation\n"));
    }

    @Test
    public void aProblemIsTranslatedTitleDetailAndEveryFieldMessage() throws IOException {
        List<FieldError> errors = List.of(new FieldError("lastName", "is required"),
                new FieldError("email", "is not an email address"));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://tesseracrm.org/problems/rule-violation");
        problem.put("title", "Unprocessable Content");
        problem.put("status", 422);
        problem.put("detail", "The leads record is not valid: " + errors);
        problem.put("errors", errors);

        Map<String, Object> vi = LocalizedProblemFilter.translated(problem, platform());

        assertEquals("Dữ liệu không hợp lệ", vi.get("title"));
        assertEquals("Bản ghi leads không hợp lệ: lastName: là bắt buộc; email: không phải là địa chỉ email", vi.get("detail"));
        assertEquals("là bắt buộc", ((List<?>) vi.get("errors")).stream().map(e -> ((FieldError) e).message).findFirst().get());
        assertEquals(422, vi.get("status"));
        assertEquals(problem.get("type"), vi.get("type"));
    }
}
