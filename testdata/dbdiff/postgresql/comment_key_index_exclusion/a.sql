CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE bookings (id integer PRIMARY KEY, room integer NOT NULL, during tstzrange NOT NULL,
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
INSERT INTO bookings VALUES (1, 1, '[2026-01-01,2026-01-02)');
