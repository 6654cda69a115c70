-- Runs once, when the MySQL container starts on an empty data directory. The image has already created
-- the user sluice from MYSQL_USER and MYSQL_PASSWORD (compose.yaml); this grants what Sluice needs:
-- reading the binlog as a replica, and SELECT for snapshots and the information-schema fallback.
GRANT REPLICATION SLAVE, REPLICATION CLIENT, SELECT ON *.* TO 'sluice'@'%';

-- A small sample schema to watch: change its rows and the events appear in Kafka (or NATS).
CREATE DATABASE shop;
USE shop;

CREATE TABLE customers (
  id    INT AUTO_INCREMENT PRIMARY KEY,
  name  VARCHAR(100) NOT NULL,
  email VARCHAR(200) NOT NULL UNIQUE
);

CREATE TABLE orders (
  id          INT AUTO_INCREMENT PRIMARY KEY,
  customer_id INT NOT NULL,
  total       DECIMAL(10, 2) NOT NULL,
  status      ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new',
  created_at  TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY (customer_id) REFERENCES customers (id)
);

INSERT INTO customers (name, email) VALUES
  ('Ada Lovelace', 'ada@example.com'),
  ('Grace Hopper', 'grace@example.com');

INSERT INTO orders (customer_id, total, status) VALUES
  (1, 12.50, 'paid'),
  (2, 99.90, 'new');
