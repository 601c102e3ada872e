CREATE TABLE bookings (id integer PRIMARY KEY, room integer, during tsrange, note text, EXCLUDE USING gist (during WITH &&));
