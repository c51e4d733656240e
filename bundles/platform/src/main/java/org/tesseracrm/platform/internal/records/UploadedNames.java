package org.tesseracrm.platform.internal.records;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** The names of uploaded files, as their senders wrote them. */
public final class UploadedNames {
    private UploadedNames() {
    }

    /**
     * Browsers send a file name's UTF-8 bytes as they are, which the multipart reader takes for
     * ISO-8859-1 characters: read back as UTF-8 when they are valid UTF-8 ("báo giá.pdf").
     */
    public static String utf8(String fileName) {
        if (fileName == null || fileName.chars().allMatch(c -> c < 0x80) || fileName.chars().anyMatch(c -> c > 0xff)) {
            return fileName;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(fileName.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return fileName; // really ISO-8859-1
        }
    }
}
