CREATE TABLE u (id INTEGER PRIMARY KEY, email TEXT, login TEXT, CONSTRAINT uq_u_email UNIQUE (email));
CREATE UNIQUE INDEX ux_u_login ON u (login);
INSERT INTO u VALUES (1, 'a', 'b');
