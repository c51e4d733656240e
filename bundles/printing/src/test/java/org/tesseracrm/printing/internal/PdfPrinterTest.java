package org.tesseracrm.printing.internal;

import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;

public class PdfPrinterTest {

    @Test
    public void aFiftyLineVietnameseDocumentReadsBackAsWritten() throws Exception {
        PdfPrinter printer = new PdfPrinter();
        Map<String, Object> seller = new HashMap<>();
        seller.put("companyName", "Công ty TNHH Tessera Việt Nam");
        seller.put("taxCode", "0312345678");
        printer.configure(seller);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            lines.add(Map.of("name", "Hạt điều rang muối loại " + i, "quantity", BigDecimal.valueOf(i),
                    "unitPrice", new BigDecimal("150000"), "taxRate", BigDecimal.TEN, "lineTotal", BigDecimal.valueOf(150000L * i)));
        }
        Map<String, Object> doc = new HashMap<>();
        doc.put("subject", "Báo giá hạt điều quý IV");
        doc.put("lineItems", lines);
        doc.put("totals", Map.of("subtotal", new BigDecimal("191250000"), "tax", new BigDecimal("19125000"),
                "grandTotal", new BigDecimal("210375000")));
        Map<String, Object> model = new HashMap<>();
        model.put("doc", doc);
        model.put("collection", "quotes");
        doc.put("number", "QUO-000042");
        model.put("party", Map.of("label", "Công ty Cổ phần Hạt điều Bình Phước", "number", "ACC-000001"));
        model.put("details", List.of(Map.of("key", "validUntil", "value", "2026-12-31", "type", "date")));
        model.put("currency", "VND");
        long started = System.nanoTime();
        byte[] pdf = printer.pdf(List.of("quotes", "sales-document"), model, new Locale("vi"));
        long first = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            pdf = printer.pdf(List.of("quotes", "sales-document"), model, new Locale("vi"));
        }
        long warm = (System.nanoTime() - started) / 5_000_000;
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replace('\u00a0', ' '); // amounts keep their no-break space
        }
        assertTrue(text, text.contains("Công ty Cổ phần Hạt điều Bình Phước"));
        assertTrue(text, text.contains("Hạt điều rang muối loại 50"));
        assertTrue(text, text.contains("210.375.000 ₫"));
        assertTrue(text, text.contains("Hai trăm mười triệu ba trăm bảy mươi lăm nghìn đồng"));
        assertTrue(text, text.contains("Mã số thuế: 0312345678"));
        assertTrue(text, text.contains("Báo giá") && text.contains("KHÁCH HÀNG") && text.contains("Hiệu lực đến") && text.contains("31/12/2026"));
        System.out.println("50-line PDF: first " + first + " ms, then " + warm + " ms each, " + pdf.length + " bytes");
    }
}
