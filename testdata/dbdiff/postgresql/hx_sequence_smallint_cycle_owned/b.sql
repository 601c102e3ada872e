CREATE SEQUENCE ticket_seq AS smallint MINVALUE -100 MAXVALUE 500 START 10 CYCLE CACHE 5;
CREATE TABLE tickets (id integer PRIMARY KEY, seqno smallint DEFAULT nextval('ticket_seq'));
ALTER SEQUENCE ticket_seq OWNED BY tickets.seqno;
