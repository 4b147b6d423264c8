package dev.portability.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The demo's online shop: ten tables with foreign keys (a self-referencing category tree, customers and their
 * addresses, suppliers, products, orders with items, payments and shipments, reviews), filled with deterministic,
 * plausible rows, and the changes that turn a copy of it into "the same shop, some time later".
 */
final class DemoShop {

    /** The tables, parents first. */
    static final List<String> TABLES = List.of("categories", "suppliers", "products", "customers", "addresses",
            "orders", "order_items", "payments", "shipments", "reviews");

    private static final String[] DDL = {
        "CREATE TABLE categories (id INT PRIMARY KEY, parent_id INT REFERENCES categories(id), "
                + "name VARCHAR(100) NOT NULL, slug VARCHAR(100) NOT NULL)",
        "CREATE TABLE suppliers (id INT PRIMARY KEY, name VARCHAR(200) NOT NULL, country VARCHAR(2) NOT NULL, "
                + "email VARCHAR(200), rating DECIMAL(3,2))",
        "CREATE TABLE products (id BIGINT PRIMARY KEY, sku VARCHAR(32) NOT NULL UNIQUE, "
                + "category_id INT NOT NULL REFERENCES categories(id), supplier_id INT REFERENCES suppliers(id), "
                + "name VARCHAR(200) NOT NULL, description VARCHAR(2000), price DECIMAL(10,2) NOT NULL, "
                + "weight_kg DECIMAL(8,3), active BOOLEAN NOT NULL, attributes JSON, "
                + "created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
        "CREATE TABLE customers (id BIGINT PRIMARY KEY, public_id UUID NOT NULL, email VARCHAR(200) NOT NULL, "
                + "first_name VARCHAR(100) NOT NULL, last_name VARCHAR(100) NOT NULL, birth_date DATE, "
                + "marketing_opt_in BOOLEAN NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
        "CREATE TABLE addresses (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id), "
                + "kind VARCHAR(10) NOT NULL, street VARCHAR(200) NOT NULL, city VARCHAR(100) NOT NULL, "
                + "postal_code VARCHAR(20) NOT NULL, country VARCHAR(2) NOT NULL)",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id), "
                + "shipping_address_id BIGINT REFERENCES addresses(id), status VARCHAR(20) NOT NULL, "
                + "placed_at TIMESTAMP WITH TIME ZONE NOT NULL, currency VARCHAR(3) NOT NULL, "
                + "total DECIMAL(12,2) NOT NULL, note VARCHAR(500))",
        // a surrogate key: composite-key lookups (preview, MERGE) are slow on H2 until the JDBC adapter uses
        // row-value IN; see the CLI issue's report
        "CREATE TABLE order_items (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL REFERENCES orders(id), "
                + "line_no INT NOT NULL, product_id BIGINT NOT NULL REFERENCES products(id), quantity INT NOT NULL, "
                + "unit_price DECIMAL(10,2) NOT NULL, discount DECIMAL(5,2), UNIQUE (order_id, line_no))",
        "CREATE TABLE payments (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL REFERENCES orders(id), "
                + "method VARCHAR(20) NOT NULL, amount DECIMAL(12,2) NOT NULL, "
                + "paid_at TIMESTAMP WITH TIME ZONE NOT NULL, reference UUID NOT NULL)",
        "CREATE TABLE shipments (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL REFERENCES orders(id), "
                + "carrier VARCHAR(40) NOT NULL, tracking_number VARCHAR(40) NOT NULL, shipped_at TIMESTAMP NOT NULL, "
                + "delivered_on DATE)",
        "CREATE TABLE reviews (id BIGINT PRIMARY KEY, product_id BIGINT NOT NULL REFERENCES products(id), "
                + "customer_id BIGINT NOT NULL REFERENCES customers(id), rating SMALLINT NOT NULL, "
                + "title VARCHAR(200), body VARCHAR(2000), created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
    };

    private static final String[][] CATEGORIES = {
        {"Electronics", "Phones", "Laptops", "Audio", "Cameras"},
        {"Home & Kitchen", "Cookware", "Furniture", "Lighting", "Storage"},
        {"Books", "Fiction", "Science", "Children's Books", "Cookbooks"},
        {"Clothing", "Jackets", "Shirts", "Shoes", "Accessories"},
        {"Sports & Outdoors", "Cycling", "Camping", "Running", "Fitness"},
        {"Toys & Games", "Board Games", "Puzzles", "Building Sets", "Dolls"},
        {"Beauty", "Skin Care", "Hair Care", "Fragrances", "Make-up"},
        {"Garden", "Plants", "Tools", "Watering", "Outdoor Furniture"},
    };
    private static final String[] ADJECTIVES = {"Classic", "Compact", "Deluxe", "Eco", "Essential", "Lightweight",
        "Pro", "Smart", "Ultra", "Vintage", "Wireless", "Everyday", "Premium", "Travel", "Family", "Nordic"};
    private static final String[] FIRST_NAMES = {"Ada", "Ben", "Chloé", "David", "Elif", "Femi", "Greta", "Hiro",
        "Ines", "Jonas", "Kira", "Luca", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sven", "Tara", "Uma",
        "Victor", "Wen", "Xavier", "Yara", "Zoë", "Amélie", "Björn", "Lena", "Mateo"};
    private static final String[] LAST_NAMES = {"Andersen", "Bianchi", "Costa", "Dubois", "Eriksen", "Fischer",
        "García", "Hansen", "Ivanova", "Jensen", "Kowalski", "Lefèvre", "Müller", "Nakamura", "O'Brien", "Petrov",
        "Quist", "Rossi", "Schmidt", "Tanaka", "Urban", "Varga", "Weber", "Xu", "Yilmaz", "Zimmermann"};
    /** City, country, postal code prefix, UTC offset hours. */
    private static final String[][] CITIES = {{"Berlin", "DE", "10", "1"}, {"Munich", "DE", "80", "1"},
        {"Paris", "FR", "75", "1"}, {"Lyon", "FR", "69", "1"}, {"Madrid", "ES", "28", "1"},
        {"Milan", "IT", "20", "1"}, {"Amsterdam", "NL", "10", "1"}, {"Vienna", "AT", "10", "1"},
        {"Dublin", "IE", "D0", "0"}, {"Lisbon", "PT", "11", "0"}, {"London", "GB", "EC", "0"},
        {"New York", "US", "10", "-5"}, {"Chicago", "US", "60", "-6"}, {"Toronto", "CA", "M5", "-5"},
        {"Warsaw", "PL", "00", "1"}, {"Stockholm", "SE", "11", "1"}};
    private static final String[] STREETS = {"Main Street", "Station Road", "Lindenallee", "Rue de la Paix",
        "Calle Mayor", "Via Roma", "Kerkstraat", "Park Avenue", "Church Lane", "Hauptstraße", "Mill Road"};
    private static final String[] STATUSES = {"pending", "paid", "shipped", "delivered", "cancelled", "refunded"};
    private static final int[] STATUS_WEIGHTS = {5, 10, 10, 65, 5, 5};
    private static final String[] METHODS = {"card", "card", "card", "paypal", "bank_transfer", "gift_card"};
    private static final String[] CARRIERS = {"DHL", "UPS", "FedEx", "La Poste", "PostNL", "Royal Mail"};
    private static final String[] COLORS = {"black", "white", "red", "blue", "green", "grey", "yellow"};
    private static final String[] REVIEW_TITLES = {"Great value", "Does the job", "Not what I expected",
        "Excellent quality", "Arrived quickly", "Would buy again", "Too small", "Perfect gift", null};
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2022, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final int BATCH = 1000;

    /** Row counts per table for a shop of about {@code rows} rows in all. */
    record Size(int categories, int suppliers, int products, int customers, int orders, int reviews) {

        /** The smallest shop the demo makes. */
        static final int MIN_ROWS = 1000;

        static Size of(int rows) {
            int n = Math.max(MIN_ROWS, rows);
            return new Size(CATEGORIES.length * CATEGORIES[0].length, Math.max(5, n * 4 / 10_000),
                    Math.max(20, n * 14 / 1000), Math.max(20, n * 7 / 100), Math.max(30, n * 14 / 100),
                    Math.max(10, n * 55 / 1000));
        }
    }

    private final Size size;
    private final BigDecimal[] prices;

    DemoShop(Size size) {
        this.size = size;
        this.prices = new BigDecimal[size.products() + 1];
    }

    Size size() {
        return size;
    }

    /** Creates the tables. */
    static void createTables(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
    }

    /** Fills empty tables with the whole shop. */
    void fill(DataSource dataSource) throws SQLException {
        Random random = new Random(42);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            categories(c);
            suppliers(c, random);
            products(c, random);
            customers(c, random, 1, size.customers());
            orders(c, random, 1, size.orders(), 1, size.customers());
            reviews(c, random, 1, size.reviews(), size.customers());
            c.commit();
        }
    }

    /**
     * What happened to the shop after the backup: some customers and products changed, orders moved on, reviews
     * were deleted, and new customers placed new orders.
     *
     * @return a one-line description of the changes
     */
    String change(DataSource dataSource) throws SQLException {
        Random random = new Random(7);
        int newCustomers = Math.max(2, size.customers() / 100);
        int newOrders = Math.max(3, size.orders() / 50);
        int customersChanged;
        int productsChanged;
        int ordersChanged;
        int reviewsDeleted;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                customersChanged = s.executeUpdate("UPDATE customers SET marketing_opt_in = NOT marketing_opt_in, "
                        + "email = REPLACE(email, '@', '+shop@') WHERE MOD(id, 50) = 0");
                productsChanged = s.executeUpdate("UPDATE products SET price = ROUND(price * 1.10, 2) "
                        + "WHERE MOD(id, 20) = 0");
                ordersChanged = s.executeUpdate("UPDATE orders SET status = 'delivered' WHERE status = 'shipped' "
                        + "AND MOD(id, 3) = 0");
                reviewsDeleted = s.executeUpdate("DELETE FROM reviews WHERE MOD(id, 25) = 0");
            }
            long added = customers(c, random, size.customers() + 1, newCustomers)
                    + orders(c, random, size.orders() + 1, newOrders, 1, size.customers() + newCustomers);
            c.commit();
            return Text.count(customersChanged) + " customers, " + Text.count(productsChanged) + " products and "
                    + Text.count(ordersChanged) + " orders changed; " + Text.count(reviewsDeleted)
                    + " reviews deleted; " + Text.count(newCustomers) + " customers and " + Text.count(newOrders)
                    + " orders added (" + Text.count(added) + " new rows)";
        }
    }

    private void categories(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO categories VALUES (?,?,?,?)")) {
            int id = 1;
            for (String[] group : CATEGORIES) {
                int parent = id;
                for (int i = 0; i < group.length; i++) {
                    ps.setInt(1, id);
                    ps.setObject(2, i == 0 ? null : parent, Types.INTEGER);
                    ps.setString(3, group[i]);
                    ps.setString(4, group[i].toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
                    ps.addBatch();
                    id++;
                }
            }
            ps.executeBatch();
        }
    }

    private void suppliers(Connection c, Random random) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO suppliers VALUES (?,?,?,?,?)")) {
            for (int id = 1; id <= size.suppliers(); id++) {
                String[] city = pick(random, CITIES);
                String name = pick(random, LAST_NAMES) + " " + pick(random, new String[] {"Trading", "GmbH",
                    "& Sons", "Supply Co.", "Manufacturing", "Imports"});
                ps.setInt(1, id);
                ps.setString(2, name);
                ps.setString(3, city[1]);
                ps.setString(4, random.nextInt(10) == 0 ? null
                        : "orders@supplier" + id + "." + city[1].toLowerCase(Locale.ROOT));
                ps.setBigDecimal(5, random.nextInt(8) == 0 ? null
                        : BigDecimal.valueOf(250 + random.nextInt(251), 2));
                add(ps, id);
            }
            ps.executeBatch();
        }
    }

    private void products(Connection c, Random random) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO products VALUES (?,?,?,?,?,?,?,?,?,? FORMAT JSON,?)")) {
            for (int id = 1; id <= size.products(); id++) {
                int group = random.nextInt(CATEGORIES.length);
                int child = 1 + random.nextInt(CATEGORIES[group].length - 1);
                int category = group * CATEGORIES[0].length + child + 1;
                String noun = CATEGORIES[group][child];
                String name = pick(random, ADJECTIVES) + " " + noun.replaceAll("s$", "") + " " + (100 + id % 900);
                BigDecimal price = BigDecimal.valueOf(199 + random.nextInt(99_800), 2);
                prices[id] = price;
                ps.setLong(1, id);
                ps.setString(2, String.format(Locale.ROOT, "SKU-%02d-%06d", category, id));
                ps.setInt(3, category);
                ps.setObject(4, random.nextInt(20) == 0 ? null : 1 + random.nextInt(size.suppliers()), Types.INTEGER);
                ps.setString(5, name);
                ps.setString(6, random.nextInt(5) == 0 ? null : "The " + name.toLowerCase(Locale.ROOT)
                        + " from our " + CATEGORIES[group][0] + " range.\nCare: see label. Ships in 1-3 days.");
                ps.setBigDecimal(7, price);
                ps.setBigDecimal(8, BigDecimal.valueOf(50 + random.nextInt(20_000), 3));
                ps.setBoolean(9, random.nextInt(10) != 0);
                ps.setString(10, random.nextInt(4) == 0 ? null : "{\"color\":\"" + pick(random, COLORS)
                        + "\",\"tags\":[\"" + noun.toLowerCase(Locale.ROOT) + "\"" + (random.nextBoolean()
                        ? ",\"bestseller\"" : "") + "],\"warrantyYears\":" + random.nextInt(4) + "}");
                ps.setObject(11, EPOCH.minusDays(random.nextInt(700)).plusSeconds(random.nextInt(86_400)));
                add(ps, id);
            }
            ps.executeBatch();
        }
    }

    /** @return the number of rows added (customers and addresses) */
    private long customers(Connection c, Random random, long first, int count) throws SQLException {
        long rows = 0;
        try (PreparedStatement customer = c.prepareStatement("INSERT INTO customers VALUES (?,?,?,?,?,?,?,?)");
                PreparedStatement address = c.prepareStatement("INSERT INTO addresses VALUES (?,?,?,?,?,?,?)")) {
            for (long id = first; id < first + count; id++) {
                String firstName = pick(random, FIRST_NAMES);
                String lastName = pick(random, LAST_NAMES);
                String[] city = pick(random, CITIES);
                customer.setLong(1, id);
                customer.setObject(2, new UUID(random.nextLong(), random.nextLong()));
                customer.setString(3, ascii(firstName) + "." + ascii(lastName) + id + "@example.com");
                customer.setString(4, firstName);
                customer.setString(5, lastName);
                customer.setObject(6, random.nextInt(4) == 0 ? null
                        : LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)));
                customer.setBoolean(7, random.nextInt(3) == 0);
                customer.setObject(8, EPOCH.plusMinutes(random.nextInt(1_500_000))
                        .withOffsetSameInstant(ZoneOffset.ofHours(Integer.parseInt(city[3]))));
                add(customer, id);
                rows++;
                // every customer has a billing address (id * 2), some a separate shipping address (id * 2 + 1)
                int addresses = random.nextInt(2) + 1;
                for (int k = 0; k < addresses; k++) {
                    address.setLong(1, id * 2 + k);
                    address.setLong(2, id);
                    address.setString(3, k == 0 ? "billing" : "shipping");
                    address.setString(4, (1 + random.nextInt(200)) + " " + pick(random, STREETS));
                    address.setString(5, city[0]);
                    address.setString(6, city[2] + String.format(Locale.ROOT, "%03d", random.nextInt(1000)));
                    address.setString(7, city[1]);
                    address.addBatch();
                    rows++;
                }
                if (id % BATCH == 0) {
                    address.executeBatch();
                }
            }
            customer.executeBatch();
            address.executeBatch();
        }
        return rows;
    }

    /** @return the number of rows added (orders, items, payments, shipments) */
    private long orders(Connection c, Random random, long first, int count, long firstCustomer, long lastCustomer)
            throws SQLException {
        long rows = 0;
        try (PreparedStatement order = c.prepareStatement("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?)");
                PreparedStatement item = c.prepareStatement("INSERT INTO order_items VALUES (?,?,?,?,?,?,?)");
                PreparedStatement payment = c.prepareStatement("INSERT INTO payments VALUES (?,?,?,?,?,?)");
                PreparedStatement shipment = c.prepareStatement("INSERT INTO shipments VALUES (?,?,?,?,?,?)")) {
            for (long id = first; id < first + count; id++) {
                long customer = firstCustomer + (long) random.nextInt((int) (lastCustomer - firstCustomer + 1));
                String status = weighted(random);
                OffsetDateTime placed = EPOCH.plusMinutes(random.nextInt(1_570_000));
                int lines = 1 + random.nextInt(4);
                BigDecimal total = BigDecimal.ZERO;
                for (int line = 1; line <= lines; line++) {
                    int product = 1 + random.nextInt(size.products());
                    int quantity = random.nextInt(6) == 0 ? 2 + random.nextInt(4) : 1;
                    BigDecimal discount = random.nextInt(8) == 0 ? BigDecimal.valueOf(5 + random.nextInt(26), 0)
                            .setScale(2) : null;
                    BigDecimal lineTotal = prices[product].multiply(BigDecimal.valueOf(quantity));
                    if (discount != null) {
                        lineTotal = lineTotal.multiply(BigDecimal.ONE.subtract(discount.movePointLeft(2)));
                    }
                    total = total.add(lineTotal);
                    item.setLong(1, id * 10 + line);
                    item.setLong(2, id);
                    item.setInt(3, line);
                    item.setLong(4, product);
                    item.setInt(5, quantity);
                    item.setBigDecimal(6, prices[product]);
                    item.setBigDecimal(7, discount);
                    item.addBatch();
                    rows++;
                }
                total = total.setScale(2, RoundingMode.HALF_EVEN);
                order.setLong(1, id);
                order.setLong(2, customer);
                order.setObject(3, random.nextInt(30) == 0 ? null : customer * 2, Types.BIGINT);
                order.setString(4, status);
                order.setObject(5, placed);
                order.setString(6, random.nextInt(5) == 0 ? "USD" : "EUR");
                order.setBigDecimal(7, total);
                order.setString(8, random.nextInt(12) == 0 ? "Please leave the parcel with the neighbour." : null);
                order.addBatch();
                rows++;
                if (!status.equals("pending") && !status.equals("cancelled")) {
                    payment.setLong(1, id);
                    payment.setLong(2, id);
                    payment.setString(3, pick(random, METHODS));
                    payment.setBigDecimal(4, total);
                    payment.setObject(5, placed.plusMinutes(1 + random.nextInt(90)));
                    payment.setObject(6, new UUID(random.nextLong(), random.nextLong()));
                    payment.addBatch();
                    rows++;
                }
                if (status.equals("shipped") || status.equals("delivered")) {
                    LocalDateTime shipped = placed.toLocalDateTime().plusHours(6 + random.nextInt(72));
                    shipment.setLong(1, id);
                    shipment.setLong(2, id);
                    shipment.setString(3, pick(random, CARRIERS));
                    shipment.setString(4, String.format(Locale.ROOT, "%s%010d", "TRK", id * 7919 % 10_000_000_000L));
                    shipment.setObject(5, shipped);
                    shipment.setObject(6, status.equals("delivered")
                            ? shipped.toLocalDate().plusDays(1 + random.nextInt(5)) : null);
                    shipment.addBatch();
                    rows++;
                }
                if (id % BATCH == 0) {
                    order.executeBatch();
                    item.executeBatch();
                    payment.executeBatch();
                    shipment.executeBatch();
                }
            }
            order.executeBatch();
            item.executeBatch();
            payment.executeBatch();
            shipment.executeBatch();
        }
        return rows;
    }

    private void reviews(Connection c, Random random, long first, int count, int customers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reviews VALUES (?,?,?,?,?,?,?)")) {
            for (long id = first; id < first + count; id++) {
                int rating = 1 + Math.min(4, random.nextInt(6));
                ps.setLong(1, id);
                ps.setLong(2, 1 + random.nextInt(size.products()));
                ps.setLong(3, 1 + random.nextInt(customers));
                ps.setShort(4, (short) rating);
                ps.setString(5, pick(random, REVIEW_TITLES));
                ps.setString(6, random.nextInt(3) == 0 ? null : "Rated " + rating + " of 5. "
                        + (rating >= 4 ? "Works as described, good packaging." : "Quality could be better; "
                        + "the colour differs from the photo.") + (random.nextInt(10) == 0 ? " 👍" : ""));
                ps.setObject(7, EPOCH.plusMinutes(random.nextInt(1_570_000)));
                add(ps, id);
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, long id) throws SQLException {
        ps.addBatch();
        if (id % BATCH == 0) {
            ps.executeBatch();
        }
    }

    private static String weighted(Random random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < STATUSES.length; i++) {
            roll -= STATUS_WEIGHTS[i];
            if (roll < 0) {
                return STATUSES[i];
            }
        }
        return STATUSES[STATUSES.length - 1];
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }
}
