CREATE SEQUENCE ticket_no_seq START 100;
CREATE TABLE tickets (id integer PRIMARY KEY, no integer DEFAULT nextval('ticket_no_seq'), label text);
