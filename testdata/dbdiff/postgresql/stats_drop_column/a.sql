CREATE TABLE people (id integer PRIMARY KEY, zip text, city text, street text, age integer);
CREATE STATISTICS people_geo (dependencies) ON zip, city, street FROM people;
CREATE STATISTICS people_age_zip ON age, zip FROM people;
INSERT INTO people VALUES (1, '1', 'x', 'y', 30);
