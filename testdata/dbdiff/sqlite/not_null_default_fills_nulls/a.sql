CREATE TABLE orders (
	id integer PRIMARY KEY,
	status text,
	qty integer DEFAULT 1,
	placed TEXT
);
INSERT INTO orders VALUES (1, 'paid', 2, CURRENT_TIMESTAMP), (2, NULL, NULL, NULL), (3, NULL, 5, NULL);
