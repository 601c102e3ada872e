CREATE SCHEMA app;
CREATE TYPE app.ticket_state AS ENUM ('new', 'open', 'closed');
CREATE TABLE app.tickets (
    id integer PRIMARY KEY,
    state app.ticket_state NOT NULL DEFAULT 'open'::app.ticket_state,
    closed_at timestamptz,
    assignee text,
    CONSTRAINT tickets_closed_has_date CHECK (state <> 'closed'::app.ticket_state OR closed_at IS NOT NULL)
);
CREATE INDEX tickets_open_idx ON app.tickets (id) WHERE state = 'open'::app.ticket_state;
CREATE INDEX tickets_new_idx ON app.tickets (id) WHERE state = 'new'::app.ticket_state;
INSERT INTO app.tickets (id, state) VALUES (1, 'new'), (2, 'open');
