package io.sluice.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/** The sample schema (customers, products, orders with varied column types) and its live changes. */
final class ShopWorkload {

    private final Connection connection;
    private final Random random = new Random();
    private int nextOrder = 1;

    ShopWorkload(Connection connection) {
        this.connection = connection;
    }

    void createSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(60), email VARCHAR(80),"
                    + " tier ENUM('basic', 'gold', 'platinum'), signed_up DATETIME(3))");
            s.execute("CREATE TABLE products (sku VARCHAR(12) PRIMARY KEY, title VARCHAR(80),"
                    + " price DECIMAL(10,2), tags SET('new', 'sale', 'eco'), details JSON)");
            s.execute("CREATE TABLE orders (id BIGINT UNSIGNED PRIMARY KEY, customer_id INT, sku VARCHAR(12),"
                    + " quantity SMALLINT, placed_at TIMESTAMP(3), shipped BOOLEAN)");
            s.execute("INSERT INTO customers VALUES (1, 'Ada Lovelace', 'ada@example.com', 'gold', NOW(3)),"
                    + " (2, 'Grace Hopper', 'grace@example.com', 'platinum', NOW(3)),"
                    + " (3, 'Katherine Johnson', 'katherine@example.com', 'basic', NOW(3))");
            s.execute("INSERT INTO products VALUES ('TEA-001', 'Sencha green tea', 12.50, 'eco',"
                    + " '{\"origin\": \"Shizuoka\", \"grams\": 100}'),"
                    + " ('MUG-002', 'Stoneware mug', 18.00, 'new,sale', '{\"colour\": \"blue\"}')");
        }
    }

    /** One small change: a new order, a shipment, a price change or a cancelled order. */
    void step() throws SQLException {
        try (Statement s = connection.createStatement()) {
            switch (random.nextInt(4)) {
                case 0, 1 -> s.execute("INSERT INTO orders VALUES (" + nextOrder++ + ", " + (1 + random.nextInt(3))
                        + ", '" + (random.nextBoolean() ? "TEA-001" : "MUG-002") + "', " + (1 + random.nextInt(5))
                        + ", NOW(3), FALSE)");
                case 2 -> s.execute("UPDATE orders SET shipped = TRUE WHERE shipped = FALSE ORDER BY id LIMIT 1");
                default -> {
                    s.execute("UPDATE products SET price = price + 0.25 WHERE sku = 'TEA-001'");
                    s.execute("DELETE FROM orders WHERE shipped = TRUE ORDER BY id LIMIT 1");
                }
            }
        }
    }
}
