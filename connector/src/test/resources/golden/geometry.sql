-- Spatial types: SRID and well-known binary.
CREATE TABLE places (
  id INT PRIMARY KEY,
  p POINT, l LINESTRING, poly POLYGON, g GEOMETRY, mp MULTIPOINT, gc GEOMETRYCOLLECTION
);
INSERT INTO places VALUES (1, ST_GeomFromText('POINT(1 2)'), ST_GeomFromText('LINESTRING(0 0, 1 1, 2 3)'),
  ST_GeomFromText('POLYGON((0 0, 4 0, 4 4, 0 4, 0 0))'), ST_GeomFromText('POINT(-71.06 42.36)', 4326),
  ST_GeomFromText('MULTIPOINT(1 1, 2 2)'), ST_GeomFromText('GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(0 0, 1 1))'));
INSERT INTO places VALUES (2, NULL, NULL, NULL, NULL, NULL, NULL);
