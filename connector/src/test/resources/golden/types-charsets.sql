-- Text in many character sets, decoded with the column's collation; CHAR trailing spaces as the server logs them.
CREATE TABLE charsets (
  id INT PRIMARY KEY,
  u3 VARCHAR(20) CHARACTER SET utf8mb3,
  u4 VARCHAR(40) CHARACTER SET utf8mb4,
  ucs VARCHAR(20) CHARACTER SET ucs2,
  u16 VARCHAR(20) CHARACTER SET utf16,
  u16le VARCHAR(20) CHARACTER SET utf16le,
  u32 VARCHAR(20) CHARACTER SET utf32,
  lat VARCHAR(20) CHARACTER SET latin1,
  lat2 VARCHAR(20) CHARACTER SET latin2,
  cyr VARCHAR(20) CHARACTER SET cp1251,
  koi VARCHAR(20) CHARACTER SET koi8r,
  grk VARCHAR(20) CHARACTER SET greek,
  arm VARCHAR(20) CHARACTER SET armscii8,
  sj VARCHAR(20) CHARACTER SET sjis,
  gb VARCHAR(20) CHARACTER SET gbk,
  big VARCHAR(20) CHARACTER SET big5,
  kr VARCHAR(20) CHARACTER SET euckr,
  c4 CHAR(4) CHARACTER SET utf8mb4,
  clat CHAR(10) CHARACTER SET latin1,
  cwide CHAR(255) CHARACTER SET utf8mb4
);
INSERT INTO charsets VALUES (1, 'Grüße €', 'Grüße 😀 日本', 'ü€', 'ü😀', 'ü😀', 'ü😀', 'café €‰', 'Łódź', 'Привет', 'Привет', 'Καλημέρα', 'Հայերեն',
  'ｱ漢字', '汉字', '漢字', '한국어', 'ab  ', 'é  ', REPEAT('ü', 255));
INSERT INTO charsets (id, lat, c4, clat) VALUES (2, CONVERT(0x80819D9FFF USING latin1), '', ' x');
INSERT INTO charsets (id, u4, c4) VALUES (3, 'tab\there "quote" back\\slash', '😀😀😀😀');
UPDATE charsets SET cyr = 'Пока', koi = 'Пока' WHERE id = 1;
