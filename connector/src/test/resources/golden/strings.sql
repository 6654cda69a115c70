-- Character strings in several character sets, binary strings, ENUM and SET.
CREATE TABLE strs (
  id INT PRIMARY KEY,
  c CHAR(10) CHARACTER SET utf8mb4,
  vc VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  lat VARCHAR(20) CHARACTER SET latin1,
  asc_ VARCHAR(20) CHARACTER SET ascii,
  t TEXT CHARACTER SET utf8mb4,
  lt LONGTEXT,
  bin BINARY(4), vb VARBINARY(10), bl BLOB,
  e ENUM('small', 'medium', 'large'),
  s SET('red', 'green', 'blue')
);
INSERT INTO strs VALUES (1, 'abc', 'Grüße 😀 日本', 'café résumé', 'plain', 'multi\nline\ttext "quoted"', REPEAT('x', 3000),
  0x01020304, 0x00FF10, 0xDEADBEEF, 'medium', 'red,blue');
INSERT INTO strs VALUES (2, '', '', '', '', '', '', 0x00, '', '', 'small', '');
INSERT INTO strs VALUES (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
UPDATE strs SET e = 'large', s = 'green,red,blue', lat = 'ÀÉÎõü' WHERE id = 2;
