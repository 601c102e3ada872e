CREATE TABLE readings (id bigint PRIMARY KEY, at timestamptz NOT NULL, v real);
