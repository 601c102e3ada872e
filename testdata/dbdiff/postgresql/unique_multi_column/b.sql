CREATE TABLE slots (id integer PRIMARY KEY, room integer, day date, hour integer, CONSTRAINT uq_slot UNIQUE (room, day, hour));
