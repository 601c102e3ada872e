CREATE TABLE people (id integer PRIMARY KEY, zip text, city text, age bigint);
CREATE STATISTICS people_geo (dependencies) ON zip, city FROM people;
CREATE STATISTICS people_age_zip ON (age / 10), zip FROM people;
