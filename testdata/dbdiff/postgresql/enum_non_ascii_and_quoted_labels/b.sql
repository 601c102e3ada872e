CREATE TYPE mood AS ENUM ('très bien', 'it''s ok', 'schlecht', '😀');
CREATE TABLE reviews (id integer PRIMARY KEY, mood mood);
