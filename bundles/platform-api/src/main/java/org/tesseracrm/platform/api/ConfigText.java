package org.tesseracrm.platform.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text from a {@code .cfg} file of {@code etc/} as its author wrote it. Karaf reads those files as
 * ISO-8859-1 (the properties format), so a value written in UTF-8 ("Công ty") arrives as one
 * character per byte ("CÃ´ng ty"); such a value is decoded again. Text that is not valid UTF-8 that
 * way (Latin-1 written on purpose, or {@code \\u} escapes) is left as it is.
 */
public final class ConfigText {
    private ConfigText() {
    }

    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        boolean wide = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return text; // real Unicode already
            }
            wide |= c >= 0x80;
        }
        if (!wide) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return text;
        }
    }
}
