CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE bookings (id integer PRIMARY KEY, room integer NOT NULL, during tstzrange NOT NULL,
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
COMMENT ON INDEX bookings_no_overlap IS 'gist index of the exclusion';
COMMENT ON CONSTRAINT bookings_no_overlap ON bookings IS 'one booking per room at a time';
CREATE TABLE rooms (id integer, floor integer, CONSTRAINT rooms_floor_excl EXCLUDE USING gist (id WITH =));
COMMENT ON INDEX rooms_floor_excl IS 'new exclusion, commented index';
