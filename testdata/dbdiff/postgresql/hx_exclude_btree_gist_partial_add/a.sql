CREATE EXTENSION btree_gist;
CREATE TABLE rooms (id integer PRIMARY KEY);
CREATE TABLE bookings (id integer PRIMARY KEY, room_id integer NOT NULL REFERENCES rooms, during tstzrange NOT NULL);
INSERT INTO rooms VALUES (1), (2);
INSERT INTO bookings VALUES (1, 1, '[2024-01-01 10:00+00, 2024-01-01 12:00+00)'), (2, 2, '[2024-01-01 10:00+00, 2024-01-01 12:00+00)');
