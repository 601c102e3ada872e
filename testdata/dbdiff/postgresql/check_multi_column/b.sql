CREATE TABLE periods (id integer PRIMARY KEY, starts date, ends date, CONSTRAINT ck_periods_order CHECK (ends > starts OR ends IS NULL));
