CREATE TABLE pairs (l integer, r integer);
