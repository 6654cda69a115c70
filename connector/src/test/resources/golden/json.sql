-- JSON documents: scalars, nesting, unicode, escapes and a large one.
CREATE TABLE docs (id INT PRIMARY KEY, doc JSON);
INSERT INTO docs VALUES (1, '{"name": "Ada", "tags": ["a", "b"], "nested": {"x": 1, "y": [true, false, null]}}');
INSERT INTO docs VALUES (2, '"just a string with \\"quotes\\" and 😀 and Grüße"');
INSERT INTO docs VALUES (3, '[1, -2.5, 1e10, 18446744073709551615, {"k": "日本"}]');
INSERT INTO docs VALUES (4, 'null');
INSERT INTO docs VALUES (5, NULL);
INSERT INTO docs SELECT 6, JSON_OBJECTAGG(CONCAT('key', n), REPEAT('v', 50)) FROM
  (WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 300) SELECT n FROM seq) s;
UPDATE docs SET doc = JSON_SET(doc, '$.name', 'Ada Lovelace') WHERE id = 1;
