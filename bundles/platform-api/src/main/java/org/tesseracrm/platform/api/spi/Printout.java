package org.tesseracrm.platform.api.spi;

/** A record printed as a file a customer can be sent (a quote's PDF). */
public final class Printout {
    /** What it is, in the language it was printed in: "Quote", "Báo giá". */
    public final String title;
    public final String fileName;
    public final String contentType;
    public final byte[] content;

    public Printout(String title, String fileName, String contentType, byte[] content) {
        this.title = title;
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
    }
}
