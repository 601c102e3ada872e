CREATE TYPE size AS ENUM ('xsmall', 'small', 'medium', 'large', 'xlarge');
CREATE TABLE shirts (id integer PRIMARY KEY, s size);
