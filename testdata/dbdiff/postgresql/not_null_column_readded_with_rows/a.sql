CREATE TYPE mood AS ENUM ('calm', 'busy');
CREATE TABLE contact (
	id integer PRIMARY KEY,
	name varchar(100) NOT NULL,
	notes text NOT NULL,
	score integer NOT NULL,
	active boolean NOT NULL,
	since timestamptz NOT NULL,
	born date NOT NULL,
	ref uuid NOT NULL,
	extra jsonb NOT NULL,
	state mood NOT NULL,
	weight numeric(8,2) NOT NULL
);
INSERT INTO contact VALUES (1, 'ann', 'met at fair', 3, true, now(), '1990-01-02', gen_random_uuid(), '{"a":1}', 'busy', 61.5);
