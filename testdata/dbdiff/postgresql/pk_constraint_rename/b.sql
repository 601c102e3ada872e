CREATE TABLE things (id integer, v text, CONSTRAINT pk_things PRIMARY KEY (id));
