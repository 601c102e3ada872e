CREATE TABLE "my table" (id integer PRIMARY KEY);
