CREATE EXTENSION btree_gist;
CREATE TABLE rooms (id integer PRIMARY KEY);
CREATE TABLE bookings (id integer PRIMARY KEY, room_id integer NOT NULL REFERENCES rooms, during tstzrange NOT NULL,
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (NOT isempty(during)));
