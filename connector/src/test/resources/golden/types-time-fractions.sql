-- TIME and DATETIME at every fractional precision, with negative times whose fractions are stored reversed.
CREATE TABLE fractions (
  id INT PRIMARY KEY,
  t1 TIME(1), t2 TIME(2), t4 TIME(4), t5 TIME(5),
  dt2 DATETIME(2), dt4 DATETIME(4), dt5 DATETIME(5)
);
INSERT INTO fractions VALUES (1, '-00:00:00.1', '-00:00:01.99', '-12:34:56.0001', '-838:59:58.99999',
  '2024-02-29 13:45:07.01', '2024-02-29 13:45:07.0001', '2024-02-29 13:45:07.00001');
INSERT INTO fractions VALUES (2, '838:59:59.0', '-838:59:59.00', '00:00:00.0000', '-00:00:00.00001',
  '1000-01-01 00:00:00.99', '9999-12-31 23:59:59.9999', '9999-12-31 23:59:59.99999');
INSERT INTO fractions VALUES (3, '-01:00:00.5', '23:59:59.50', '-23:59:59.9999', '100:00:00.12345', NULL, NULL, NULL);
