CREATE TABLE s (id INTEGER PRIMARY KEY, room INTEGER, day TEXT, hour INTEGER, CONSTRAINT uq_slot UNIQUE (room, day, hour));
