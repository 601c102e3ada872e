-- IN lists on varchar columns: the server prints them with a cast of the
-- whole array to text[], which it never stores when it reads that text.
CREATE DOMAIN fare_class AS varchar(10)
    CONSTRAINT fare_class_check CHECK (VALUE IN ('Economy', 'Comfort', 'Business'));
CREATE TABLE bookings (
    book_ref char(6) PRIMARY KEY,
    status varchar(20) NOT NULL DEFAULT 'Scheduled',
    channel character varying NOT NULL,
    fare fare_class NOT NULL,
    total_amount numeric(10,2) NOT NULL,
    CONSTRAINT bookings_status_check CHECK (status IN ('Scheduled', 'On Time', 'Delayed', 'Cancelled')),
    CONSTRAINT bookings_channel_check CHECK (channel NOT IN ('fax', 'telex'))
);
CREATE INDEX bookings_open_idx ON bookings (book_ref) WHERE status IN ('Scheduled', 'On Time', 'Delayed');
CREATE VIEW open_bookings AS
    SELECT book_ref, status, total_amount FROM bookings WHERE status IN ('Scheduled', 'On Time', 'Delayed');
ALTER TABLE bookings ENABLE ROW LEVEL SECURITY;
CREATE POLICY bookings_web ON bookings FOR SELECT USING (channel IN ('web', 'mobile'));
CREATE FUNCTION bookings_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER bookings_cancel BEFORE UPDATE ON bookings FOR EACH ROW
    WHEN (NEW.status IN ('Cancelled')) EXECUTE FUNCTION bookings_touch();
INSERT INTO bookings VALUES ('00000F', 'Scheduled', 'web', 'Economy', 265700.00),
                            ('000012', 'Delayed', 'mobile', 'Business', 37900.00);
