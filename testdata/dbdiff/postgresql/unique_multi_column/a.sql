CREATE TABLE slots (id integer PRIMARY KEY, room integer, day date, hour integer, CONSTRAINT uq_slot UNIQUE (room, day));
INSERT INTO slots VALUES (1, 1, '2024-01-01', 9);
