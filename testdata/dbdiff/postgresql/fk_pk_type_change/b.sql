CREATE TABLE parents (id bigint PRIMARY KEY, v text);
CREATE TABLE kids (id integer PRIMARY KEY, parent_id bigint REFERENCES parents (id));
