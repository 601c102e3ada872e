CREATE TABLE prices (id integer PRIMARY KEY, amount numeric(14,4), rate numeric(12,5), ratio numeric);
