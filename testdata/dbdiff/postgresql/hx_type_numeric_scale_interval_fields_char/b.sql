CREATE TABLE prices (id integer PRIMARY KEY, amount numeric(12,2), delay interval HOUR TO MINUTE, code char(8));
