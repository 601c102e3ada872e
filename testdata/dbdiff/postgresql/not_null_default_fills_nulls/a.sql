CREATE TABLE orders (
	id integer PRIMARY KEY,
	status text,
	qty integer DEFAULT 1,
	placed timestamptz
);
INSERT INTO orders VALUES (1, 'paid', 2, now()), (2, NULL, NULL, NULL), (3, NULL, 5, NULL);
