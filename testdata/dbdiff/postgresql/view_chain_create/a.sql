CREATE TABLE sales (id integer PRIMARY KEY, region text, amount numeric, sold date);
