CREATE TABLE account (
	tenant INTEGER NOT NULL,
	login TEXT NOT NULL,
	email TEXT,
	PRIMARY KEY (tenant, login)
);
INSERT INTO account VALUES (1, 'ann', 'a@x');
