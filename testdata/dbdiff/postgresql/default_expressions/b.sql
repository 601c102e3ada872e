CREATE TABLE d (id integer PRIMARY KEY,
    a text DEFAULT upper('x' || 'y'),
    b integer DEFAULT (1 + 2) * 3,
    c timestamptz DEFAULT (now() AT TIME ZONE 'utc') + interval '1 day',
    e boolean DEFAULT (NOT false),
    f numeric DEFAULT -0.5);
