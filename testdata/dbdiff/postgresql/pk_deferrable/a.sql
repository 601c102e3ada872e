CREATE TABLE slots (n integer PRIMARY KEY);
