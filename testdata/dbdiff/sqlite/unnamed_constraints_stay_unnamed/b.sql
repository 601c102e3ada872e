CREATE TABLE parents (id INTEGER PRIMARY KEY);
CREATE TABLE kids (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parents (id), code TEXT UNIQUE, age INTEGER CHECK (age >= 0), UNIQUE (parent, code), CHECK (code <> ''));
