-- MariaDB INET6, INET4 and UUID edge cases (trailing zero bytes, IPv4 forms, zero runs, UUID versions),
-- JSON as LONGTEXT, and the UCA 14 collations (ids beyond 2047) that are MariaDB 11's defaults.
CREATE TABLE medges (
  id INT PRIMARY KEY, v6 INET6, v4 INET4, u UUID, j JSON,
  t VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, ucs VARCHAR(20) CHARACTER SET ucs2
);
INSERT INTO medges VALUES (1, '::', '0.0.0.0', '00000000-0000-0000-0000-000000000000', '{"a": [1, "é😀"], "b": {"c": null}}', 'Grüße', 'ü€');
INSERT INTO medges VALUES (2, '::1', '127.0.0.1', '6ccd780c-baba-1026-9564-5b8c656024db', '[]', '😀', '€');
INSERT INTO medges VALUES (3, '1:0:2:3:4:5:6:7', '10.0.0.0', '6ccd780c-baba-1026-9564-5b8c65602400', 'null', '', '');
INSERT INTO medges VALUES (4, 'fe80::', '1.0.0.0', '01890a5d-ac96-774b-bcce-b302099a8057', '"x"', NULL, NULL);
INSERT INTO medges VALUES (5, '::1.2.3.4', '255.255.255.255', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1', NULL, NULL);
INSERT INTO medges VALUES (6, '0:0:1:0:0:1:0:0', '0.0.0.1', 'ffffffff-ffff-4fff-bfff-ffffffffff00', '1.5', NULL, NULL);
INSERT INTO medges VALUES (7, '::ffff:192.0.2.128', '192.0.2.0', '00000000-0000-0000-0000-000000000001', 'true', NULL, NULL);
INSERT INTO medges VALUES (8, '2001:db8:0:0:1:0:0:1', '8.8.8.8', '123e4567-e89b-12d3-a456-426655440000', NULL, NULL, NULL);
UPDATE medges SET v6 = '1::', v4 = '9.9.9.9' WHERE id = 1;
DELETE FROM medges WHERE id = 2;
