package org.tesseracrm.platform.internal.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldLabels;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.internal.db.RecordServices;
import org.tesseracrm.platform.internal.security.Callers;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.rest.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A list exported as the user sees it: the same filters, search, sort and scope, the columns they
 * chose, page after page straight to the response (so a million rows take no more memory than
 * one page), as CSV (UTF-8 with a BOM so that Excel reads Vietnamese right, by Apache Commons CSV)
 * or XLSX (typed cells, by fastexcel's streaming writer). Values read as the caller reads them
 * (labels in their language, a reference as its number and name) or as raw codes on request; a CSV
 * text that a spreadsheet would take for a formula is neutralised.
 */
@Component(service = RecordExports.class)
public class RecordExports {
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Fields that are not one cell. */
    private static final List<FieldType> NOT_CELLS = List.of(FieldType.LINE_ITEMS, FieldType.TOTALS, FieldType.PARTICIPANTS);
    private static final List<String> ADDRESS_PARTS = List.of("street", "city", "state", "postalCode", "country");

    /** The export's own parameters, besides the list's. */
    public static final java.util.Set<String> PARAMETERS = java.util.Set.of("format", "columns", "lang", "codes", "view");

    private final RecordServices modules;
    private final org.tesseracrm.platform.internal.views.ViewsResource views;

    @Activate
    public RecordExports(@Reference RecordServices modules, @Reference org.tesseracrm.platform.internal.views.ViewsResource views) {
        this.modules = modules;
        this.views = views;
    }

    /**
     * The export a request asks for: {@code format} csv (the default) or xlsx, {@code lang}, {@code codes},
     * {@code columns}, and a saved {@code view} the caller may see, whose search, filters, sort and
     * columns apply where the request gives none of its own.
     */
    public Request request(String collection, javax.ws.rs.core.MultivaluedMap<String, String> params, ListQuery list,
            List<Locale> accepted, javax.ws.rs.core.SecurityContext security) {
        Request r = new Request();
        r.format = params.getFirst("format") == null ? "csv" : params.getFirst("format");
        if (!r.format.equals("csv") && !r.format.equals("xlsx")) {
            throw new InvalidRequestException("format must be csv or xlsx", List.of(new FieldError("format", "must be csv or xlsx")));
        }
        String lang = params.getFirst("lang");
        if (lang != null && !lang.equals("en") && !lang.equals("vi")) {
            throw new InvalidRequestException("lang must be en or vi", List.of(new FieldError("lang", "must be en or vi")));
        }
        r.language = Locale.forLanguageTag(lang != null ? lang : accepted.stream().map(Locale::getLanguage)
                .filter(l -> l.equals("en") || l.equals("vi")).findFirst().orElse("en"));
        String codes = params.getFirst("codes");
        if (codes != null && !codes.equals("true") && !codes.equals("false")) {
            throw new InvalidRequestException("codes must be true or false", List.of(new FieldError("codes", "must be true or false")));
        }
        r.codes = "true".equals(codes);
        String columns = params.getFirst("columns");
        r.columns = columns == null || columns.isBlank() ? null
                : java.util.Arrays.stream(columns.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
        r.query = list;
        String viewId = params.getFirst("view");
        if (viewId != null) {
            org.tesseracrm.platform.internal.views.SavedView view = views.get(viewId, security);
            if (!collection.equals(view.collection)) {
                throw new InvalidRequestException("view " + viewId + " is a view of " + view.collection,
                        List.of(new FieldError("view", "is a view of " + view.collection)));
            }
            Map<String, String> filters = new LinkedHashMap<>(view.filters == null ? Map.of() : view.filters);
            filters.putAll(list.filters);
            List<String> sort = !list.sort.isEmpty() || view.sort == null || view.sort.isBlank() ? list.sort
                    : java.util.Arrays.stream(view.sort.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
            r.query = new ListQuery(list.q != null ? list.q : view.q, filters, sort, null, null, list.deleted);
            if (r.columns == null && view.columns != null && !view.columns.isEmpty()) {
                r.columns = view.columns;
            }
        }
        return r;
    }

    /** What to export and how. */
    public static final class Request {
        public ListQuery query;
        public List<String> columns;
        public String format;
        public Locale language;
        public boolean codes;
    }

    /** The columns a module exports by default: its number, its own fields, tags, custom fields and when it was made and changed. */
    public static List<String> defaultColumns(ModuleDescriptor module, RecordService<?> service) {
        List<String> columns = new ArrayList<>(List.of("number"));
        for (FieldDescriptor f : fields(module, service).values()) {
            if (!columns.contains(f.name)) {
                columns.add(f.name);
            }
        }
        columns.addAll(List.of("createdAt", "createdBy", "updatedAt"));
        return columns;
    }

    private static Map<String, FieldDescriptor> fields(ModuleDescriptor module, RecordService<?> service) {
        Map<String, FieldDescriptor> fields = new LinkedHashMap<>();
        for (FieldDescriptor f : module.fields()) {
            if (!NOT_CELLS.contains(f.type)) {
                fields.put(f.name, f);
            }
        }
        fields.put("tags", FieldDescriptor.field("tags", FieldType.TAGS).build());
        if (service instanceof JpaRecordService) {
            ((JpaRecordService<?, ?>) service).customFields().forEach(f -> fields.put(f.name, f));
        }
        return fields;
    }

    /** The export as a stream to the response; the columns are checked before anything is written. */
    public StreamingOutput export(ModuleDescriptor module, RecordService<? extends RecordDto> service, Request request) {
        Map<String, FieldDescriptor> fields = fields(module, service);
        List<String> columns = request.columns == null || request.columns.isEmpty() ? defaultColumns(module, service) : request.columns;
        List<FieldError> errors = new ArrayList<>();
        for (String c : columns) {
            if (!fields.containsKey(c) && !List.of("number", "createdAt", "createdBy", "updatedAt", "updatedBy", "id").contains(c)) {
                errors.add(new FieldError("columns", c + " is not a field of " + module.collection()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The columns are not valid: " + errors, errors);
        }
        List<Column> cells = new ArrayList<>();
        for (String c : columns) {
            FieldDescriptor f = fields.get(c);
            String label = request.codes ? c : labelOf(module, f, c, request.language);
            cells.add(new Column(c, f == null ? standardType(c) : f.type, f, label));
        }
        Callers.Caller caller = Callers.current();
        return out -> {
            if (Callers.current() != caller) {
                throw new IllegalStateException("The export runs for another caller than asked for it"); // never widen a scope
            }
            Cells values = new Cells(request, modules);
            if ("xlsx".equals(request.format)) {
                xlsx(out, module, service, request.query, cells, values);
            } else {
                csv(out, service, request.query, cells, values);
            }
        };
    }

    private static String labelOf(ModuleDescriptor module, FieldDescriptor f, String name, Locale language) {
        boolean vi = "vi".equals(language.getLanguage());
        if (f != null && f.labelEn != null) {
            return vi && f.labelVi != null ? f.labelVi : f.labelEn;
        }
        String label = module.fieldLabel(name, language);
        return label == null ? FieldLabels.common(name, language) : label;
    }

    private static FieldType standardType(String name) {
        return name.endsWith("At") ? FieldType.DATETIME : FieldType.STRING;
    }

    private record Column(String name, FieldType type, FieldDescriptor field, String label) {
    }

    private static void csv(OutputStream out, RecordService<? extends RecordDto> service, ListQuery query, List<Column> columns,
            Cells values) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\ufeff'); // Excel reads the file as UTF-8 only with its byte order mark
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        csv.printRecord(columns.stream().map(Column::label).map(RecordExports::neutralised).toList());
        pages(service, query, record -> {
            List<String> row = new ArrayList<>(columns.size());
            for (Column c : columns) {
                Object v = values.of(record, c);
                row.add(v == null ? "" : v instanceof String ? neutralised((String) v) : text(v));
            }
            csv.printRecord(row);
        });
        csv.flush();
    }

    private static void xlsx(OutputStream out, ModuleDescriptor module, RecordService<? extends RecordDto> service, ListQuery query,
            List<Column> columns, Cells values) throws IOException {
        Workbook workbook = new Workbook(out, "Tessera CRM", "1.0");
        String sheet = "vi".equals(values.language().getLanguage()) ? module.labelVi() : module.labelEn();
        Worksheet ws = workbook.newWorksheet(sheet == null || sheet.isBlank() ? module.collection() : sheet.replaceAll("[\\\\/?*\\[\\]:]", " "));
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c).label());
            ws.style(0, c).bold().set();
        }
        ws.freezePane(0, 1);
        int[] row = { 1 };
        String dateFormat = "vi".equals(values.language().getLanguage()) ? "dd/mm/yyyy" : "yyyy-mm-dd";
        pages(service, query, record -> {
            int r = row[0]++;
            for (int c = 0; c < columns.size(); c++) {
                Object v = values.of(record, columns.get(c));
                if (v == null) {
                    continue;
                }
                if (v instanceof BigDecimal || v instanceof Long || v instanceof Integer) {
                    ws.value(r, c, (Number) v);
                } else if (v instanceof Boolean) {
                    ws.value(r, c, (Boolean) v);
                } else if (v instanceof LocalDate) {
                    ws.value(r, c, (LocalDate) v);
                    ws.style(r, c).format(dateFormat).set();
                } else if (v instanceof ZonedDateTime) {
                    ws.value(r, c, (ZonedDateTime) v);
                    ws.style(r, c).format(dateFormat + " hh:mm").set();
                } else {
                    ws.value(r, c, v.toString()); // a text cell: never read as a formula
                }
            }
            if (r % 500 == 0) {
                ws.flush(); // rows leave memory as they are written
            }
        });
        ws.finish();
        workbook.finish();
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(JsonNode record) throws IOException;
    }

    /** Every record the query selects, a page at a time, in the list's order. */
    private static void pages(RecordService<? extends RecordDto> service, ListQuery query, RowWriter rows) throws IOException {
        String cursor = null;
        do {
            Page<? extends RecordDto> page = service.list(new ListQuery(query.q, query.filters, query.sort, ListQuery.MAX_LIMIT, cursor,
                    query.deleted));
            for (RecordDto record : page.items) {
                rows.write(Json.mapper().valueToTree(record));
            }
            cursor = page.nextCursor;
        } while (cursor != null);
    }

    /** A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) starts with an apostrophe instead. */
    static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String text(Object v) {
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        if (v instanceof ZonedDateTime) {
            return ((ZonedDateTime) v).toInstant().toString();
        }
        return v.toString();
    }

    /** Cell values as the caller reads them, references named once per export. */
    private static final class Cells {
        private final Request request;
        private final RecordServices modules;
        private final Map<String, String> references = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 10_000;
            }
        };
        private final Map<String, Map<String, String>> enumLabels = new HashMap<>();

        Cells(Request request, RecordServices modules) {
            this.request = request;
            this.modules = modules;
        }

        Locale language() {
            return request.language;
        }

        Object of(JsonNode record, Column c) {
            JsonNode v = record.get(c.name());
            if (v == null || v.isNull() || v.isMissingNode()) {
                return null;
            }
            boolean vi = "vi".equals(request.language.getLanguage());
            switch (c.type()) {
                case INTEGER:
                    return v.isIntegralNumber() ? (Object) v.longValue() : v.asText();
                case DECIMAL:
                case MONEY:
                    return v.isNumber() ? (Object) v.decimalValue() : v.asText();
                case BOOLEAN:
                    return request.codes ? v.asText() : v.asBoolean() ? (vi ? "Có" : "Yes") : (vi ? "Không" : "No");
                case DATE:
                    return request.codes ? v.asText() : LocalDate.parse(v.asText());
                case DATETIME:
                    return request.codes ? v.asText() : Instant.parse(v.asText()).atZone(ZoneId.systemDefault());
                case ENUM:
                    return request.codes || c.field() == null ? v.asText() : enumLabel(c.field(), v.asText(), vi);
                case REFERENCE:
                    return request.codes || c.field() == null ? v.asText() : reference(c.field().references, v.asText());
                case ADDRESS:
                    List<String> parts = new ArrayList<>();
                    ADDRESS_PARTS.forEach(p -> {
                        if (v.hasNonNull(p) && !v.get(p).asText().isBlank()) {
                            parts.add(v.get(p).asText());
                        }
                    });
                    return parts.isEmpty() ? null : String.join(", ", parts);
                default:
                    if (v.isArray()) {
                        List<String> items = new ArrayList<>();
                        v.forEach(x -> items.add(c.field() != null && c.type() == FieldType.MULTI_ENUM && !request.codes
                                ? enumLabel(c.field(), x.asText(), vi) : x.asText()));
                        return String.join("; ", items);
                    }
                    return v.isValueNode() ? v.asText() : v.toString();
            }
        }

        private String enumLabel(FieldDescriptor f, String code, boolean vi) {
            Map<String, String> labels = enumLabels.computeIfAbsent(f.name + (vi ? ":vi" : ":en"), k -> {
                Map<String, String> m = new HashMap<>();
                f.enumValues().forEach(e -> m.put(e.value, vi ? e.vi : e.en));
                return m;
            });
            return labels.getOrDefault(code, code);
        }

        /** "ACC-000001 · Công ty Sao Mai", as the caller may see it; the id when they may not or the module is gone. */
        private String reference(String collection, String id) {
            return references.computeIfAbsent(collection + "/" + id, k -> {
                JpaRecordService<?, ?> service = modules.of(collection);
                Optional<RecordRef> found = service == null ? Optional.empty() : service.find(id);
                return found.map(r -> r.number + (r.label == null || r.label.isBlank() ? "" : " · " + r.label)).orElse(id);
            });
        }
    }
}
