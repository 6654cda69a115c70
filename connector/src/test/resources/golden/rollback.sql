-- Rolled-back changes never appear; the committed ones around them do.
CREATE TABLE r (id INT PRIMARY KEY);
INSERT INTO r VALUES (1);
BEGIN;
INSERT INTO r VALUES (2);
ROLLBACK;
INSERT INTO r VALUES (3);
