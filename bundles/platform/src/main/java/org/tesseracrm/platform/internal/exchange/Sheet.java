package org.tesseracrm.platform.internal.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;

/**
 * The rows of an uploaded file, as text, one at a time: CSV (UTF-8 with or without its BOM,
 * UTF-16 with its BOM, else Windows-1252; comma, semicolon or tab, as the header line uses them;
 * Excel's own CSV) read by Apache Commons CSV, or the first sheet of an XLSX read by fastexcel's
 * streaming reader (a date cell as {@code yyyy-MM-dd}, a number as written, without grouping).
 */
final class Sheet implements AutoCloseable {
    private final List<String> header;
    private final Iterator<List<String>> rows;
    private final AutoCloseable source;

    private Sheet(List<String> header, Iterator<List<String>> rows, AutoCloseable source) {
        this.header = header;
        this.rows = rows;
        this.source = source;
    }

    static Sheet open(byte[] content) {
        try {
            return isZip(content) ? xlsx(content) : csv(content);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRequestException) {
                throw (InvalidRequestException) e;
            }
            throw new InvalidRequestException("The file is neither a CSV file nor an Excel workbook (.xlsx) that can be read: " + e.getMessage(),
                    List.of(new FieldError("file", "cannot be read as CSV or XLSX")));
        }
    }

    List<String> header() {
        return header;
    }

    /** The next data row, or null at the end; blank rows are left out. */
    List<String> next() {
        while (rows.hasNext()) {
            List<String> row = rows.next();
            if (row.stream().anyMatch(v -> v != null && !v.isBlank())) {
                return row;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (Exception ignored) {
            // read to the end or abandoned: nothing to keep
        }
    }

    private static boolean isZip(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static Sheet csv(byte[] content) throws IOException {
        int skip = 0;
        Charset charset;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (content.length >= 2 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (content.length >= 2 && (content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            charset = validUtf8(content) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        }
        String text = new String(content, skip, content.length - skip, charset);
        int end = text.indexOf('\n');
        char delimiter = delimiter(end < 0 ? text : text.substring(0, end));
        Reader reader = new InputStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.EXCEL.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).build().parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            throw new InvalidRequestException("The file is empty", List.of(new FieldError("file", "is empty")));
        }
        List<String> header = trimmed(records.next().toList());
        Iterator<List<String>> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public List<String> next() {
                return records.next().toList();
            }
        };
        return new Sheet(header, rows, parser);
    }

    /** The separator the header line uses most: comma, semicolon (Excel in many locales) or tab. */
    private static char delimiter(String headerLine) {
        char best = ',';
        long most = -1;
        for (char c : new char[] { ',', ';', '\t' }) {
            long n = headerLine.chars().filter(x -> x == c).count();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    private static boolean validUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Sheet xlsx(byte[] content) throws IOException {
        ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false));
        Stream<Row> stream = workbook.getFirstSheet().openStream();
        Iterator<Row> it = stream.iterator();
        if (!it.hasNext()) {
            workbook.close();
            throw new InvalidRequestException("The workbook's first sheet is empty", List.of(new FieldError("file", "is empty")));
        }
        List<String> header = trimmed(cells(it.next(), -1));
        int width = header.size();
        Iterator<List<String>> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<String> next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                return cells(it.next(), width);
            }
        };
        return new Sheet(header, rows, () -> {
            stream.close();
            workbook.close();
        });
    }

    private static List<String> cells(Row row, int width) {
        int n = width < 0 ? row.getCellCount() : width;
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Cell cell = i < row.getCellCount() ? row.getCell(i) : null;
            values.add(cell == null ? "" : text(cell));
        }
        return values;
    }

    private static String text(Cell cell) {
        try {
            if (cell.getType() == CellType.NUMBER) {
                String format = cell.getDataFormatString();
                if (format != null && format.toLowerCase(java.util.Locale.ROOT).matches(".*(d|y).*") && !format.contains("0")) {
                    LocalDateTime at = cell.asDate();
                    return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
                }
                BigDecimal n = cell.asNumber();
                return n.stripTrailingZeros().toPlainString();
            }
            if (cell.getType() == CellType.BOOLEAN) {
                return String.valueOf(cell.asBoolean());
            }
            String text = cell.getText();
            return text == null ? "" : text;
        } catch (RuntimeException unreadable) {
            String raw = cell.getRawValue();
            return raw == null ? "" : raw;
        }
    }

    private static List<String> trimmed(List<String> header) {
        List<String> names = new ArrayList<>();
        header.forEach(h -> names.add(h == null ? "" : h.strip()));
        return names;
    }
}
