CREATE EXTENSION btree_gist;
CREATE TABLE reservations (id integer PRIMARY KEY, room integer NOT NULL, during tstzrange NOT NULL,
    CONSTRAINT ex_reservations_room_during EXCLUDE USING gist (room WITH =, during WITH &&));
