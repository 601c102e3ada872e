CREATE TABLE p (id integer PRIMARY KEY, a timestamp(6), b timestamptz(0), c interval, d time, e float4, f float8, g decimal(8,3), h char);
INSERT INTO p (id, g, h) VALUES (1, 1.5, 'x');
