CREATE TABLE user (
	id INTEGER NOT NULL,
	name VARCHAR(64),
	is_admin BOOLEAN DEFAULT 0 NOT NULL,
	role VARCHAR(7) DEFAULT 'member' NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT ck_user_is_admin CHECK (is_admin IN (0, 1)),
	CONSTRAINT userrole CHECK (role IN ('member', 'owner', 'guest'))
);
CREATE INDEX ix_user_name ON user (name);
