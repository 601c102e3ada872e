CREATE TABLE devices (id integer PRIMARY KEY, serial text, vendor text, CONSTRAINT devices_serial_vendor_key UNIQUE (vendor, serial));
INSERT INTO devices VALUES (1, 'a', NULL), (2, 'b', 'acme');
