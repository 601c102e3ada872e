CREATE TABLE bookings (id integer PRIMARY KEY, room integer, during tsrange, EXCLUDE USING gist (during WITH &&));
