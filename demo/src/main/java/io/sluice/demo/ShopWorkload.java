package io.sluice.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The sample shop: customers, products and orders, with column types that show how Sluice writes
 * them (ENUM, SET, DECIMAL, JSON, DATE, DATETIME(3), TIMESTAMP(3), BOOLEAN, BLOB, BIGINT UNSIGNED
 * beyond the signed range, text in several scripts), a few rows to start with, and a live workload
 * of one small change per {@link #step()}.
 *
 * <p>The steps follow a fixed rotation, so every kind of change (insert, update, delete, on each table)
 * comes within the first {@value #ROTATION_LENGTH} steps; only the values are random. Not thread-safe.
 */
final class ShopWorkload {

    static final String DATABASE = "shop";
    static final List<String> TABLES = List.of("customers", "products", "orders");
    static final int ROTATION_LENGTH = 10;

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE customers (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, name VARCHAR(80) NOT NULL,"
                    + " email VARCHAR(120) NOT NULL, tier ENUM('basic', 'gold', 'platinum') NOT NULL DEFAULT 'basic',"
                    + " newsletter BOOLEAN NOT NULL, birthday DATE, signed_up DATETIME(3) NOT NULL)",
            "CREATE TABLE products (sku VARCHAR(16) PRIMARY KEY, title VARCHAR(120) NOT NULL,"
                    + " price DECIMAL(10,2) NOT NULL, tags SET('new', 'sale', 'eco', 'gift') NOT NULL,"
                    + " stock INT NOT NULL, details JSON, thumbnail BLOB)",
            // Ids past 2^63 show that BIGINT UNSIGNED arrives exactly, where a signed long would go negative.
            "CREATE TABLE orders (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, customer_id INT UNSIGNED NOT NULL,"
                    + " sku VARCHAR(16) NOT NULL, quantity SMALLINT NOT NULL, total DECIMAL(10,2) NOT NULL,"
                    + " status ENUM('placed', 'paid', 'shipped', 'delivered', 'cancelled') NOT NULL,"
                    + " gift BOOLEAN NOT NULL, note VARCHAR(200),"
                    + " placed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))"
                    + " AUTO_INCREMENT = 10000000000000000001");

    /** Rows that exist before Sluice starts: its snapshot reads them as op "r" events. */
    private static final List<String> STARTING_ROWS = List.of(
            "INSERT INTO customers (name, email, tier, newsletter, birthday, signed_up) VALUES"
                    + " ('Ada Lovelace', 'ada@example.com', 'platinum', TRUE, '1815-12-10', NOW(3) - INTERVAL 400 DAY),"
                    + " ('José Núñez', 'jose@example.com', 'gold', FALSE, NULL, NOW(3) - INTERVAL 90 DAY),"
                    + " ('王芳', 'wang.fang@example.com', 'basic', TRUE, '1990-02-28', NOW(3) - INTERVAL 12 DAY),"
                    + " ('Zoë Ångström', 'zoe@example.com', 'basic', FALSE, NULL, NOW(3) - INTERVAL 2 DAY)",
            "INSERT INTO products VALUES"
                    + " ('TEA-001', 'Sencha green tea 煎茶', 12.50, 'eco', 40,"
                    + "  '{\"origin\": \"Shizuoka\", \"grams\": 100}', x'89504E470D0A1A0A'),"
                    + " ('MUG-002', 'Stoneware mug', 18.00, 'new', 25, '{\"colour\": \"blue\", \"ml\": 350}', NULL),"
                    + " ('CHO-003', 'Chocolat noir 70 % – Côte d''Ivoire', 4.90, 'eco,gift', 120,"
                    + "  '{\"cocoa\": 0.7}', NULL),"
                    + " ('KNF-004', 'Santoku knife', 79.00, '', 8, '{\"blade_cm\": 17}', NULL),"
                    + " ('SOC-005', 'Wool socks, 2 pairs', 15.00, 'sale', 60, NULL, NULL)",
            "INSERT INTO orders (customer_id, sku, quantity, total, status, gift, note, placed_at) VALUES"
                    + " (1, 'TEA-001', 2, 25.00, 'delivered', FALSE, NULL, NOW(3) - INTERVAL 30 DAY),"
                    + " (2, 'KNF-004', 1, 79.00, 'delivered', TRUE, 'Für meinen Bruder', NOW(3) - INTERVAL 20 DAY),"
                    + " (3, 'CHO-003', 5, 24.50, 'shipped', FALSE, NULL, NOW(3) - INTERVAL 2 DAY),"
                    + " (1, 'MUG-002', 1, 18.00, 'placed', FALSE, 'Leave it at the door', NOW(3))");

    private static final List<String[]> NEW_CUSTOMERS = List.of(
            new String[] {"Grace Hopper", "grace"},
            new String[] {"Søren Kierkegaard", "soren"},
            new String[] {"Łucja Wróbel", "lucja"},
            new String[] {"Chioma Okafor", "chioma"},
            new String[] {"Алексей Смирнов", "alexei"},
            new String[] {"Mei Tanaka 田中", "mei"});
    private static final List<String> NOTES = List.of("Gift wrap, please", "Bitte nicht knicken", "Merci !",
            "Call before delivery ☎");
    private static final List<String> TIERS = List.of("basic", "gold", "platinum");
    private static final List<String> STATUSES = List.of("placed", "paid", "shipped", "delivered");

    private final Connection connection;
    private final Random random = new Random();
    private final List<Change> rotation = List.of(this::placeOrder, this::advanceOrder, this::changePrice,
            this::archiveOrder, this::signUpCustomer, this::advanceOrder, this::placeOrder, this::upgradeCustomer,
            this::advanceOrder, this::cancelOrder);
    private int steps;

    /** One kind of change, run on the workload's connection. */
    @FunctionalInterface
    private interface Change {
        void run() throws SQLException;
    }

    /** @param connection a connection to {@value #DATABASE}, used for every statement */
    ShopWorkload(Connection connection) {
        this.connection = connection;
    }

    /** Creates the tables and their first rows. */
    void createShop() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : SCHEMA) {
                statement.execute(sql);
            }
            for (String sql : STARTING_ROWS) {
                statement.execute(sql);
            }
        }
    }

    /** One small change: the next kind in the rotation, with random values. */
    void step() throws SQLException {
        rotation.get(steps++ % rotation.size()).run();
    }

    /** A new order and the stock it takes, in one transaction: two events with one transaction id. */
    private void placeOrder() throws SQLException {
        long customer;
        String sku;
        String price;
        try (Statement statement = connection.createStatement();
             ResultSet pick = statement.executeQuery("SELECT c.id, p.sku, p.price FROM customers c, products p"
                     + " ORDER BY RAND() LIMIT 1")) {
            pick.next();
            customer = pick.getLong(1);
            sku = pick.getString(2);
            price = pick.getString(3);
        }
        int quantity = 1 + random.nextInt(3);
        connection.setAutoCommit(false);
        try (PreparedStatement order = connection.prepareStatement("INSERT INTO orders"
                + " (customer_id, sku, quantity, total, status, gift, note) VALUES (?, ?, ?, ? * ?, 'placed', ?, ?)");
             PreparedStatement stock = connection.prepareStatement(
                     "UPDATE products SET stock = stock - ? WHERE sku = ?")) {
            order.setLong(1, customer);
            order.setString(2, sku);
            order.setInt(3, quantity);
            order.setString(4, price);
            order.setInt(5, quantity);
            order.setBoolean(6, random.nextInt(4) == 0);
            order.setString(7, random.nextBoolean() ? null : NOTES.get(random.nextInt(NOTES.size())));
            order.executeUpdate();
            stock.setInt(1, quantity);
            stock.setString(2, sku);
            stock.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** An open order moves on: placed, paid, shipped, delivered. */
    private void advanceOrder() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet order = statement.executeQuery("SELECT id, status FROM orders"
                     + " WHERE status IN ('placed', 'paid', 'shipped') ORDER BY RAND() LIMIT 1")) {
            if (order.next()) {
                update("UPDATE orders SET status = ? WHERE id = ?",
                        STATUSES.get(STATUSES.indexOf(order.getString(2)) + 1), order.getString(1));
            }
        }
    }

    /** A placed order is called off. */
    private void cancelOrder() throws SQLException {
        update("UPDATE orders SET status = 'cancelled' WHERE status = 'placed' ORDER BY id DESC LIMIT 1");
    }

    /** The oldest finished order leaves the table. */
    private void archiveOrder() throws SQLException {
        update("DELETE FROM orders WHERE status IN ('delivered', 'cancelled') ORDER BY id LIMIT 1");
    }

    /** A product goes on sale at 10 % off, or comes off sale at its old price. */
    private void changePrice() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet product = statement.executeQuery("SELECT sku, tags FROM products ORDER BY RAND() LIMIT 1")) {
            product.next();
            Set<String> tags = new LinkedHashSet<>(List.of(product.getString(2).split(",")));
            tags.remove("");
            boolean onSale = tags.remove("sale");
            if (!onSale) {
                tags.add("sale");
            }
            update("UPDATE products SET price = ROUND(price " + (onSale ? "/ 0.9" : "* 0.9") + ", 2), tags = ?"
                    + " WHERE sku = ?", String.join(",", tags), product.getString(1));
        }
    }

    private void signUpCustomer() throws SQLException {
        int number = steps / ROTATION_LENGTH;
        String[] who = NEW_CUSTOMERS.get(number % NEW_CUSTOMERS.size());
        update("INSERT INTO customers (name, email, tier, newsletter, birthday, signed_up)"
                        + " VALUES (?, ?, 'basic', ?, NULL, NOW(3))",
                who[0], who[1] + "." + number + "@example.com", random.nextBoolean() ? "1" : "0");
    }

    /** A customer moves up a tier. */
    private void upgradeCustomer() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet customer = statement.executeQuery(
                     "SELECT id, tier FROM customers WHERE tier <> 'platinum' ORDER BY RAND() LIMIT 1")) {
            if (customer.next()) {
                update("UPDATE customers SET tier = ? WHERE id = ?",
                        TIERS.get(TIERS.indexOf(customer.getString(2)) + 1), customer.getString(1));
            }
        }
    }

    private void update(String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
