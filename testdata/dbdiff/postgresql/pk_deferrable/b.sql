CREATE TABLE slots (n integer, CONSTRAINT slots_pkey PRIMARY KEY (n) DEFERRABLE);
