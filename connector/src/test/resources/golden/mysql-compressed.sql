-- A compressed transaction (binlog_transaction_compression) decodes like any other.
SET SESSION binlog_transaction_compression = ON;
CREATE TABLE packed (id INT PRIMARY KEY, v VARCHAR(100));
BEGIN;
INSERT INTO packed VALUES (1, REPEAT('a', 100)), (2, REPEAT('b', 100));
UPDATE packed SET v = 'changed' WHERE id = 1;
DELETE FROM packed WHERE id = 2;
COMMIT;
