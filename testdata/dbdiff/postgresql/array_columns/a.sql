CREATE TABLE arr (id integer PRIMARY KEY, ints integer[], tags text[], grid integer[][]);
INSERT INTO arr VALUES (1, '{1,2}', '{a}', '{{1,2},{3,4}}');
