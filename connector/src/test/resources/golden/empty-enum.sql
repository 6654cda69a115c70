-- An invalid ENUM value stored as the empty string (index 0) when strict mode is off.
SET SESSION sql_mode = '';
CREATE TABLE en (id INT PRIMARY KEY, e ENUM('a', 'b'));
INSERT INTO en VALUES (1, 'not-a-member');
INSERT INTO en VALUES (2, 'b');
