CREATE TABLE meetings (id integer PRIMARY KEY, during tsrange NOT NULL, CONSTRAINT ex_meetings_overlap EXCLUDE USING gist (during WITH &&));
