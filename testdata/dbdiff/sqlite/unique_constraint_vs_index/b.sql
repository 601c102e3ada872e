CREATE TABLE u (id INTEGER PRIMARY KEY, email TEXT, login TEXT, CONSTRAINT ux_u_login UNIQUE (login));
CREATE UNIQUE INDEX uq_u_email ON u (email);
