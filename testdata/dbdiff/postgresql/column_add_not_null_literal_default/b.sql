CREATE TABLE tasks (
    id bigint PRIMARY KEY,
    title text,
    state varchar(20) NOT NULL DEFAULT 'new',
    priority integer NOT NULL DEFAULT 3,
    weight numeric(6,2) DEFAULT 1.5
);
