CREATE TYPE mood AS ENUM ('calm', 'busy');
CREATE TABLE contact (
	id integer PRIMARY KEY,
	name varchar(100) NOT NULL,
	linkedin varchar(200)
);
INSERT INTO contact VALUES (1, 'ann', NULL), (2, 'bob', 'bob-in');
