CREATE TABLE keep (x);
