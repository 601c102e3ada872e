CREATE TABLE blobs (id integer PRIMARY KEY, data text, doc jsonb);
