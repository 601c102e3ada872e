CREATE TABLE contact (
	id INTEGER PRIMARY KEY,
	name VARCHAR(100) NOT NULL,
	linkedin VARCHAR(200)
);
INSERT INTO contact VALUES (1, 'ann', NULL), (2, 'bob', 'bob-in');
