CREATE TABLE tickets (id integer GENERATED ALWAYS AS IDENTITY, status text NOT NULL, title text, CONSTRAINT tickets_title_check CHECK (title <> '')) PARTITION BY LIST (status);
CREATE TABLE tickets_open PARTITION OF tickets FOR VALUES IN ('open');
CREATE TABLE tickets_other PARTITION OF tickets DEFAULT;
INSERT INTO tickets (status, title) VALUES ('open', 'a'), ('closed', 'b'), ('spam', 'c');
