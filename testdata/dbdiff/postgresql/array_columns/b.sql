CREATE TABLE arr (id integer PRIMARY KEY, ints bigint[], tags varchar(20)[] NOT NULL DEFAULT '{}', grid integer[], extra uuid[]);
