CREATE TABLE bookings (room integer NOT NULL, night date NOT NULL, guest text) PARTITION BY RANGE (night);
CREATE TABLE bookings_2024 PARTITION OF bookings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO bookings VALUES (1, '2024-05-05', 'ann');
