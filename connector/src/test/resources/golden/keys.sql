-- Keys: composite primary keys in key order, none at all, and a prefix key.
CREATE TABLE composite (b VARCHAR(10), a INT, v INT, PRIMARY KEY (a, b));
INSERT INTO composite VALUES ('x', 1, 10);
UPDATE composite SET v = 11 WHERE a = 1 AND b = 'x';
UPDATE composite SET a = 2 WHERE a = 1 AND b = 'x';
CREATE TABLE nokey (v INT, w VARCHAR(10));
INSERT INTO nokey VALUES (1, 'one'), (1, 'one');
DELETE FROM nokey LIMIT 1;
CREATE TABLE prefix (name VARCHAR(100), v INT, PRIMARY KEY (name(10)));
INSERT INTO prefix VALUES ('a rather long name', 1);
-- Without a primary key, a unique key over NOT NULL columns keys the events; a nullable one does not.
CREATE TABLE ukey (code VARCHAR(10) NOT NULL, region INT NOT NULL, note VARCHAR(10), UNIQUE KEY by_code (region, code));
INSERT INTO ukey VALUES ('x', 7, 'first');
CREATE TABLE nullable_ukey (code VARCHAR(10), UNIQUE KEY (code));
INSERT INTO nullable_ukey VALUES ('y');
