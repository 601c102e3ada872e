CREATE TABLE posts (id integer PRIMARY KEY, tags varchar(30)[] NOT NULL DEFAULT '{}', matrix integer[][]);
