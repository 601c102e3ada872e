CREATE SEQUENCE ticket_seq AS smallint;
CREATE TABLE tickets (id integer PRIMARY KEY, seqno smallint DEFAULT nextval('ticket_seq'));
INSERT INTO tickets (id) VALUES (1), (2);
