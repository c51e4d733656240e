package org.tesseracrm.platform.internal.fields;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.api.text.TextFolding;
import org.tesseracrm.platform.rest.Json;

/**
 * The custom fields of every module: their definitions in {@code tessera_custom_field}, each also a
 * column {@code cf_<name>} of its module's table (with an index when lists filter or sort by it),
 * added at once while the server runs. Read often, changed rarely: the definitions are kept in
 * memory and read again at most every two seconds, so every node of a cluster sees a change soon.
 */
@Component(service = CustomFieldCatalog.class, immediate = true)
public class CustomFieldCatalog {
    static final long FRESH_MILLIS = 2_000;
    static final int MOST_PER_MODULE = 100;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,60}");
    private static final TypeReference<List<CustomField.Value>> VALUES = new TypeReference<>() {
    };
    private static volatile CustomFieldCatalog active;

    private final DataSource dataSource;
    private volatile Snapshot snapshot;

    @Activate
    public CustomFieldCatalog(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema) {
        this.dataSource = dataSource;
        active = this;
    }

    @Deactivate
    void stop() {
        if (active == this) {
            active = null;
        }
    }

    /** The running catalog, or null while the platform starts or stops. */
    public static CustomFieldCatalog active() {
        return active;
    }

    /** The fields records of {@code collection} have now beyond the module's own (retired ones left out). */
    public List<FieldDescriptor> descriptors(String collection) {
        return snapshot().descriptors.getOrDefault(collection, List.of());
    }

    /** Every custom field of {@code collection}, retired ones too, in their order. */
    public List<CustomField> fields(String collection) {
        return snapshot().fields.getOrDefault(collection, List.of());
    }

    public CustomField field(String collection, String name) {
        return fields(collection).stream().filter(f -> f.name.equals(name)).findFirst().orElse(null);
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || System.currentTimeMillis() - s.readAt > FRESH_MILLIS) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        Snapshot s = new Snapshot();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT collection, name, type, label_en, label_vi, required, default_value,"
                        + " searchable, filterable, sortable, unique_value, picklist, references_to, retired, position,"
                        + " created_at, created_by, updated_at, updated_by FROM tessera_custom_field")) {
            while (rs.next()) {
                CustomField f = new CustomField();
                String collection = rs.getString(1);
                f.name = rs.getString(2);
                f.type = rs.getString(3);
                f.label = Map.of("en", rs.getString(4), "vi", rs.getString(5));
                f.required = rs.getBoolean(6);
                f.defaultValue = rs.getString(7) == null ? null : Json.mapper().readValue(rs.getString(7), Object.class);
                f.searchable = rs.getBoolean(8);
                f.filterable = rs.getBoolean(9);
                f.sortable = rs.getBoolean(10);
                f.unique = rs.getBoolean(11);
                f.values = rs.getString(12) == null ? null : Json.mapper().readValue(rs.getString(12), VALUES);
                f.references = rs.getString(13);
                f.retired = rs.getBoolean(14);
                f.position = rs.getInt(15);
                f.createdAt = rs.getTimestamp(16).toInstant();
                f.createdBy = rs.getString(17);
                f.updatedAt = rs.getTimestamp(18).toInstant();
                f.updatedBy = rs.getString(19);
                s.fields.computeIfAbsent(collection, k -> new ArrayList<>()).add(f);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the custom fields", e);
        }
        for (Map.Entry<String, List<CustomField>> e : s.fields.entrySet()) {
            e.getValue().sort(Comparator.comparing((CustomField f) -> f.position).thenComparing(f -> f.name));
            List<FieldDescriptor> descriptors = new ArrayList<>();
            for (CustomField f : e.getValue()) {
                if (!f.retired) {
                    descriptors.add(descriptor(f));
                }
            }
            s.descriptors.put(e.getKey(), List.copyOf(descriptors));
        }
        return s;
    }

    /** A custom field as the record machinery sees every field. */
    static FieldDescriptor descriptor(CustomField f) {
        FieldType type = FieldType.valueOf(f.type);
        FieldDescriptor.Builder b = FieldDescriptor.field(f.name, type).custom().label(f.label.get("en"), f.label.get("vi"));
        if (f.required) {
            b.required();
        }
        if (f.filterable) {
            b.filterable();
        }
        if (f.sortable) {
            b.sortable();
        }
        if (f.searchable) {
            b.searchable();
        }
        if (f.unique) {
            b.unique();
        }
        if (type == FieldType.DECIMAL) {
            b.decimals(4);
        } else if (type == FieldType.MONEY) {
            b.decimals(2);
        }
        if (f.references != null) {
            b.references(f.references);
        }
        if (f.values != null) {
            List<FieldDescriptor.EnumValue> values = new ArrayList<>();
            for (CustomField.Value v : f.values) {
                values.add(new FieldDescriptor.EnumValue(v.value, v.label.get("en"), v.label.get("vi"), Boolean.TRUE.equals(v.retired)));
            }
            b.values(values);
        }
        FieldDescriptor withoutDefault = b.build();
        if (f.defaultValue != null) {
            b.defaultValue(CustomValues.fromJson(withoutDefault, Json.mapper().valueToTree(f.defaultValue), null));
        }
        return b.build();
    }

    /** Adds a field to {@code collection}, whose records live in {@code table}: its definition and its column. */
    public CustomField create(String collection, String table, CustomField f, String user, java.util.function.Predicate<String> installed) {
        List<FieldError> errors = new ArrayList<>();
        f.name = nameOf(f);
        if (!NAME.matcher(f.name.substring(RecordDto.CUSTOM_PREFIX.length())).matches()) {
            errors.add(new FieldError("name", "must be lower-case letters, digits and _ (at most 40), starting with a letter"));
        }
        FieldType type = type(f.type, errors);
        f.type = type == null ? f.type : type.name();
        checkDefinition(f, type, installed, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The field is not valid: " + errors, errors);
        }
        if (field(collection, f.name) != null) {
            throw new ConflictException(collection + " already has a field " + f.name + " (a retired one comes back with PATCH retired=false)");
        }
        if (fields(collection).size() >= MOST_PER_MODULE) {
            throw new RuleViolationException("name", collection + " has " + MOST_PER_MODULE + " custom fields, the most it may have");
        }
        f.retired = false;
        if (f.filterable == null) {
            f.filterable = true; // what people expect of a field they add; false keeps it out of filters and indexes
        }
        f.position = f.position == null ? fields(collection).size() : f.position;
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + table + " ADD COLUMN " + f.name + " " + columnType(type));
            }
            indexes(c, table, f);
            listIndexes(c, table, collection, f);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tessera_custom_field (collection, name, type, label_en, label_vi,"
                    + " required, default_value, searchable, filterable, sortable, unique_value, picklist, references_to, retired,"
                    + " position, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, collection);
                ps.setString(2, f.name);
                ps.setString(3, f.type);
                bind(ps, 4, f, now, user);
                ps.setTimestamp(16, Timestamp.from(now));
                ps.setString(17, user);
                ps.setTimestamp(18, Timestamp.from(now));
                ps.setString(19, user);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure(e, f);
        }
        snapshot = null;
        return field(collection, f.name);
    }

    /** The name a new field takes: the one given, else its English label in words, always with cf_ before it. */
    static String nameOf(CustomField f) {
        String name = f.name;
        if (name == null || name.isBlank()) {
            String from = f.label == null ? null : f.label.get("en");
            name = from == null ? "" : TextFolding.fold(from).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        }
        return name.startsWith(RecordDto.CUSTOM_PREFIX) ? name : RecordDto.CUSTOM_PREFIX + name;
    }

    /** Changes what may change of a field: labels, rules, list options, picklist values, retired. Not its name or type. */
    public CustomField update(String collection, String table, String name, JsonNode patch, String user,
            java.util.function.Predicate<String> installed) {
        CustomField current = field(collection, name);
        if (current == null) {
            throw new org.tesseracrm.platform.api.RecordNotFoundException("field", collection + "/" + name);
        }
        CustomField f;
        try {
            com.fasterxml.jackson.databind.node.ObjectNode merged = Json.mapper().valueToTree(current);
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                merged.set(e.getKey(), e.getValue());
            }
            f = Json.mapper().treeToValue(merged, CustomField.class);
        } catch (JsonProcessingException e) {
            throw org.tesseracrm.platform.rest.JsonErrors.toProblem(e);
        }
        List<FieldError> errors = new ArrayList<>();
        if (!current.name.equals(f.name)) {
            errors.add(new FieldError("name", "cannot change"));
        }
        if (!current.type.equals(f.type)) {
            errors.add(new FieldError("type", "cannot change (add a new field instead)"));
        }
        if (f.values != null && current.values != null) {
            // A value taken away is retired, not dropped: records holding it keep it and show its label.
            List<CustomField.Value> kept = new ArrayList<>(f.values);
            for (CustomField.Value old : current.values) {
                if (f.values.stream().noneMatch(v -> old.value.equals(v.value))) {
                    old.retired = true;
                    kept.add(old);
                }
            }
            f.values = kept;
        }
        checkDefinition(f, FieldType.valueOf(current.type), installed, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The field is not valid: " + errors, errors);
        }
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            indexes(c, table, f);
            listIndexes(c, table, collection, f);
            try (PreparedStatement ps = c.prepareStatement("UPDATE tessera_custom_field SET label_en = ?, label_vi = ?, required = ?,"
                    + " default_value = ?, searchable = ?, filterable = ?, sortable = ?, unique_value = ?, picklist = ?,"
                    + " references_to = ?, retired = ?, position = ?, updated_at = ?, updated_by = ? WHERE collection = ? AND name = ?")) {
                bind(ps, 1, f, now, user);
                ps.setTimestamp(13, Timestamp.from(now));
                ps.setString(14, user);
                ps.setString(15, collection);
                ps.setString(16, name);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure(e, f);
        }
        snapshot = null;
        return field(collection, name);
    }

    private static RuntimeException failure(SQLException e, CustomField f) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
            return new ConflictException("Records already hold the same " + f.name + " more than once: it cannot be unique");
        }
        return new IllegalStateException("Cannot change the custom field " + f.name, e);
    }

    /** Binds label_en … position (12 columns) from {@code index} on. */
    private static void bind(PreparedStatement ps, int index, CustomField f, Instant now, String user) throws SQLException {
        try {
            ps.setString(index, f.label.get("en").trim());
            ps.setString(index + 1, f.label.get("vi").trim());
            ps.setBoolean(index + 2, Boolean.TRUE.equals(f.required));
            ps.setString(index + 3, f.defaultValue == null ? null : Json.mapper().writeValueAsString(f.defaultValue));
            ps.setBoolean(index + 4, Boolean.TRUE.equals(f.searchable));
            ps.setBoolean(index + 5, Boolean.TRUE.equals(f.filterable));
            ps.setBoolean(index + 6, Boolean.TRUE.equals(f.sortable));
            ps.setBoolean(index + 7, Boolean.TRUE.equals(f.unique));
            ps.setString(index + 8, f.values == null ? null : Json.mapper().writeValueAsString(f.values));
            ps.setString(index + 9, f.references);
            ps.setBoolean(index + 10, Boolean.TRUE.equals(f.retired));
            ps.setInt(index + 11, f.position == null ? 0 : f.position);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unique index of a field that must be unique, made once. */
    private static void indexes(Connection c, String table, CustomField f) throws SQLException {
        if (Boolean.TRUE.equals(f.unique)) {
            createIndex(c, "CREATE UNIQUE INDEX " + table + "_unique_" + f.name.substring(3).replace("_", "")
                    + " ON " + table + " (" + f.name + ")");
        }
    }

    /**
     * The indexes a list of the module needs to filter and sort by its custom fields without reading
     * the table: a filter with the default order (newest first), a sort either way, and each filter
     * with each sort (a list orders by the columns its filters hold first). Both directions are made
     * because H2 reads an index one way only.
     */
    private void listIndexes(Connection c, String table, String collection, CustomField changed) throws SQLException {
        List<CustomField> all = new ArrayList<>();
        for (CustomField f : fields(collection)) {
            all.add(f.name.equals(changed.name) ? changed : f);
        }
        if (all.stream().noneMatch(f -> f.name.equals(changed.name))) {
            all.add(changed);
        }
        List<String> filters = new ArrayList<>();
        List<String> sorts = new ArrayList<>();
        for (CustomField f : all) {
            if (Boolean.TRUE.equals(f.retired)) {
                continue;
            }
            if (Boolean.TRUE.equals(f.filterable) && !f.type.equals("TEXT") && !f.type.equals("MULTI_ENUM")) {
                filters.add(f.name);
            }
            if (Boolean.TRUE.equals(f.sortable)) {
                sorts.add(f.name);
            }
        }
        List<String> columns = new ArrayList<>();
        for (String f : filters) {
            columns.add(f + ", createdAt DESC, id DESC");
            for (String s : sorts) {
                if (!s.equals(f)) {
                    columns.add(f + ", " + s + " DESC NULLS LAST, id DESC");
                    columns.add(f + ", " + s + " ASC NULLS FIRST, id ASC");
                }
            }
        }
        for (String s : sorts) {
            columns.add(s + " DESC NULLS LAST, id DESC");
            columns.add(s + " ASC NULLS FIRST, id ASC");
        }
        for (String list : columns) {
            String name = table + "_cf_" + Integer.toHexString(list.hashCode() & 0x7fffffff);
            createIndex(c, "CREATE INDEX " + name + " ON " + table + " (" + list + ")");
        }
    }

    /** Creates an index unless it exists (H2 and PostgreSQL both know IF NOT EXISTS). */
    private static void createIndex(Connection c, String ddl) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(ddl.replaceFirst(" INDEX ", " INDEX IF NOT EXISTS "));
        }
    }

    private static FieldType type(String name, List<FieldError> errors) {
        if (name == null) {
            errors.add(new FieldError("type", "is required"));
            return null;
        }
        Map<String, FieldType> aliases = new LinkedHashMap<>();
        aliases.put("text", FieldType.STRING);
        aliases.put("longtext", FieldType.TEXT);
        aliases.put("yesno", FieldType.BOOLEAN);
        aliases.put("picklist", FieldType.ENUM);
        aliases.put("multipicklist", FieldType.MULTI_ENUM);
        aliases.put("datetime", FieldType.DATETIME);
        String key = name.replaceAll("[-_ ]", "").toLowerCase(java.util.Locale.ROOT);
        if (aliases.containsKey(key)) {
            return aliases.get(key);
        }
        for (FieldType t : List.of(FieldType.STRING, FieldType.TEXT, FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY,
                FieldType.DATE, FieldType.DATETIME, FieldType.BOOLEAN, FieldType.EMAIL, FieldType.PHONE, FieldType.URL,
                FieldType.ENUM, FieldType.MULTI_ENUM, FieldType.REFERENCE, FieldType.USER)) {
            if (t.name().replace("_", "").equalsIgnoreCase(key)) {
                return t;
            }
        }
        errors.add(new FieldError("type", "must be one of text, longText, integer, decimal, money, date, dateTime, boolean,"
                + " email, phone, url, picklist, multiPicklist, reference, user"));
        return null;
    }

    private static void checkDefinition(CustomField f, FieldType type, java.util.function.Predicate<String> installed,
            List<FieldError> errors) {
        if (f.label == null || blank(f.label.get("en"))) {
            errors.add(new FieldError("label.en", "is required"));
        } else {
            if (blank(f.label.get("vi"))) {
                f.label = Map.of("en", f.label.get("en"), "vi", f.label.get("en"));
            }
            if (f.label.get("en").length() > 200 || f.label.get("vi").length() > 200) {
                errors.add(new FieldError("label", "must be at most 200 characters"));
            }
        }
        if (type == null) {
            return;
        }
        boolean picklist = type == FieldType.ENUM || type == FieldType.MULTI_ENUM;
        if (picklist) {
            if (f.values == null || f.values.isEmpty()) {
                errors.add(new FieldError("values", "are required for a picklist"));
            } else {
                java.util.Set<String> codes = new java.util.HashSet<>();
                for (int i = 0; i < f.values.size(); i++) {
                    CustomField.Value v = f.values.get(i);
                    if (v.value == null || !CODE.matcher(v.value).matches()) {
                        errors.add(new FieldError("values[" + i + "].value", "must be letters, digits and _ (at most 60)"));
                    } else if (!codes.add(v.value)) {
                        errors.add(new FieldError("values[" + i + "].value", "is given twice"));
                    }
                    if (v.label == null || blank(v.label.get("en"))) {
                        v.label = Map.of("en", String.valueOf(v.value), "vi", String.valueOf(v.value));
                    } else if (blank(v.label.get("vi"))) {
                        v.label = Map.of("en", v.label.get("en"), "vi", v.label.get("en"));
                    }
                }
            }
        } else if (f.values != null) {
            errors.add(new FieldError("values", "are only for picklists"));
        }
        if (type == FieldType.REFERENCE) {
            if (blank(f.references) || !installed.test(f.references)) {
                errors.add(new FieldError("references", "must name an installed module's collection"));
            }
        } else if (f.references != null) {
            errors.add(new FieldError("references", "is only for references"));
        }
        if (Boolean.TRUE.equals(f.unique) && (picklist || type == FieldType.BOOLEAN || type == FieldType.TEXT)) {
            errors.add(new FieldError("unique", "does not suit a " + type.name().toLowerCase(java.util.Locale.ROOT) + " field"));
        }
        if (Boolean.TRUE.equals(f.sortable) && (type == FieldType.TEXT || type == FieldType.MULTI_ENUM)) {
            errors.add(new FieldError("sortable", "does not suit a " + type.name().toLowerCase(java.util.Locale.ROOT) + " field"));
        }
        if (f.defaultValue != null && errors.isEmpty()) {
            try {
                FieldDescriptor fd = descriptor(withoutDefault(f));
                Object value = CustomValues.fromJson(fd, Json.mapper().valueToTree(f.defaultValue), null);
                List<FieldError> valueErrors = new ArrayList<>();
                CustomValues.check(fd, value, null, valueErrors);
                valueErrors.forEach(e -> errors.add(new FieldError("defaultValue", e.message)));
            } catch (InvalidRequestException e) {
                errors.add(new FieldError("defaultValue", e.errors().isEmpty() ? "is not a value of the field" : e.errors().get(0).message));
            }
        }
    }

    private static CustomField withoutDefault(CustomField f) {
        CustomField copy = Json.mapper().convertValue(f, CustomField.class);
        copy.defaultValue = null;
        copy.retired = false;
        copy.required = Boolean.TRUE.equals(f.required);
        copy.filterable = Boolean.TRUE.equals(f.filterable);
        copy.sortable = Boolean.TRUE.equals(f.sortable);
        copy.searchable = Boolean.TRUE.equals(f.searchable);
        copy.unique = Boolean.TRUE.equals(f.unique);
        return copy;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The column type of a field's values; the same on H2 and PostgreSQL. */
    static String columnType(FieldType type) {
        switch (type) {
            case TEXT:
                return "VARCHAR(4000)";
            case INTEGER:
                return "BIGINT";
            case DECIMAL:
            case MONEY:
                return "NUMERIC(19, 4)";
            case DATE:
                return "DATE";
            case DATETIME:
                return "TIMESTAMP";
            case BOOLEAN:
                return "BOOLEAN";
            case EMAIL:
                return "VARCHAR(254)";
            case PHONE:
                return "VARCHAR(40)";
            case URL:
                return "VARCHAR(500)";
            case ENUM:
                return "VARCHAR(60)";
            case MULTI_ENUM:
                return "VARCHAR(2000)";
            case REFERENCE:
                return "VARCHAR(36)";
            case USER:
                return "VARCHAR(100)";
            default:
                return "VARCHAR(255)";
        }
    }

    private static final class Snapshot {
        final long readAt = System.currentTimeMillis();
        final Map<String, List<CustomField>> fields = new LinkedHashMap<>();
        final Map<String, List<FieldDescriptor>> descriptors = new LinkedHashMap<>();
    }
}
