-- MySQL JSON scalars stored in binary form: temporal and decimal opaque values, doubles, big documents.
CREATE TABLE jvals (id INT PRIMARY KEY, doc JSON);
INSERT INTO jvals VALUES (1, JSON_ARRAY(CAST('2024-02-29' AS DATE), CAST('-12:00:00.5' AS TIME(1)),
  CAST('2024-02-29 13:45:00.123' AS DATETIME(3)), CAST(12.30 AS DECIMAL(5,2)), CAST(-0.001 AS DECIMAL(10,3))));
INSERT INTO jvals VALUES (2, '[1.0, 1e300, 0.1, 1.5e-7, 12345678.0, -0.0, 1e15, 0.0001, 3.14159, 1e-300, 2.5e21, 4.35]');
INSERT INTO jvals VALUES (3, '{"ключ": "значение", "😀": {"deep": [[[{"x": "é"}]]]}, "": "", "ctl": "\\u0001\\t\\n"}');
INSERT INTO jvals VALUES (4, JSON_OBJECT('big', REPEAT('x', 70000), 'n', JSON_ARRAY(70000, -70000, 4294967295, -2147483648)));
INSERT INTO jvals VALUES (5, '[9223372036854775807, -9223372036854775808, 18446744073709551615, true, false, null, "", {}, []]');
UPDATE jvals SET doc = JSON_SET(doc, '$[0]', 'changed') WHERE id = 5;
