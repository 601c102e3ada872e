CREATE SCHEMA counters;
CREATE SEQUENCE counters.ticket_no START 500;
CREATE TABLE tickets (id integer PRIMARY KEY, subject text, no integer NOT NULL DEFAULT nextval('counters.ticket_no'));
