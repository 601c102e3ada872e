CREATE TABLE parts (sku text PRIMARY KEY, serial_no integer GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME part_serial_numbers START WITH 7));
