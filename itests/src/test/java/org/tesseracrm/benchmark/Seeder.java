package org.tesseracrm.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes leads straight through JDBC, as the benchmark output says: a believable Vietnamese data
 * set (names, companies, cities), statuses 60 % NEW, spread over a year of creation times.
 */
final class Seeder {
    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
        "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Hữu", "Thu", "Gia"};
    static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Khánh",
        "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Trung", "Tuấn", "Vân", "Yến"};
    static final String[] COMPANY = {"Ánh Dương", "Sao Mai", "Hoà Bình", "Thiên Long", "Phú Thịnh", "Minh Phát", "Đại Việt",
        "Hưng Thịnh", "Kim Long", "Tân Tiến", "Bảo Minh", "An Khang"};
    static final String[] KIND = {"Công ty TNHH", "Công ty Cổ phần", "Tập đoàn", "Cửa hàng", "Xưởng"};
    static final String[] CITY = {"Hồ Chí Minh", "Hà Nội", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Nha Trang", "Vũng Tàu"};
    static final String[] REGION = {"NORTH", "CENTRAL", "SOUTH"};
    static final String[] SOURCE = {"COLD_CALL", "WEBSITE", "TRADE_SHOW", "PARTNER", "WORD_OF_MOUTH", "ADVERTISEMENT"};

    private Seeder() {
    }

    /** Inserts leads numbered {@code from}..{@code to} (exclusive) and moves the number sequence past them. */
    static void leads(Connection c, int from, int to) throws SQLException {
        leads(c, from, to, false);
    }

    /** As {@link #leads(Connection, int, int)}, also filling the custom fields {@code cf_region} and {@code cf_visit} when asked. */
    static void leads(Connection c, int from, int to, boolean custom) throws SQLException {
        c.setAutoCommit(false);
        SplittableRandom random = new SplittableRandom(from);
        Instant base = Instant.parse("2025-11-01T00:00:00Z");
        String sql = "INSERT INTO leads_lead (id, number, version, createdAt, createdBy, updatedAt, updatedBy, searchText,"
                + " firstName, lastName, company, email, phone, source, status, city, country, assignedTo"
                + (custom ? ", cf_region, cf_visit" : "") + ")"
                + " VALUES (?, ?, 1, ?, 'seed', ?, 'seed', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Việt Nam', ?" + (custom ? ", ?, ?" : "") + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = from; i < to; i++) {
                String last = FAMILY[random.nextInt(FAMILY.length)];
                String first = MIDDLE[random.nextInt(MIDDLE.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
                String company = KIND[random.nextInt(KIND.length)] + " " + COMPANY[random.nextInt(COMPANY.length)];
                String city = CITY[random.nextInt(CITY.length)];
                String email = fold(GIVEN[random.nextInt(GIVEN.length)]) + "." + i + "@example.vn";
                String phone = "09" + (10_000_000 + random.nextInt(89_999_999));
                int s = random.nextInt(100);
                String status = s < 60 ? "NEW" : s < 85 ? "NURTURING" : s < 97 ? "QUALIFIED" : "DISQUALIFIED";
                Timestamp created = Timestamp.from(base.plusSeconds(i * 30L));
                String number = String.format("LEA-%06d", i + 1);
                String id = timeOrderedId(created.getTime());
                String searchText = fold(number + " " + first + " " + last + " " + company + " " + email + " " + phone + " " + city);
                insert.setString(1, id);
                insert.setString(2, number);
                insert.setTimestamp(3, created);
                insert.setTimestamp(4, created);
                insert.setString(5, searchText);
                insert.setString(6, first);
                insert.setString(7, last);
                insert.setString(8, company);
                insert.setString(9, email);
                insert.setString(10, phone);
                insert.setString(11, SOURCE[random.nextInt(SOURCE.length)]);
                insert.setString(12, status);
                insert.setString(13, city);
                insert.setString(14, "sales" + random.nextInt(20));
                if (custom) {
                    insert.setString(15, REGION[random.nextInt(REGION.length)]);
                    insert.setDate(16, java.sql.Date.valueOf(java.time.LocalDate.of(2025, 1, 1).plusDays(random.nextInt(700))));
                }
                insert.addBatch();
                if ((i - from) % 5000 == 4999) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE tessera_number_sequence SET last_value = " + to + " WHERE prefix = 'LEA'");
        }
        c.commit();
    }

    static String fold(String text) {
        String d = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{Mn}", "")
                .replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
        return d.replaceAll("[^a-z0-9@.+\\-]+", " ").trim();
    }

    /** A version-7 style id for a creation time, as the server makes them. */
    static String timeOrderedId(long millis) {
        UUID random = UUID.randomUUID();
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        long lsb = random.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
