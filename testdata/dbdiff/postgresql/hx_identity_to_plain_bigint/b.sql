CREATE TABLE s (id bigint PRIMARY KEY, v text);
