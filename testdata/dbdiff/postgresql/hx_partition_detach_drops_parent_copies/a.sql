CREATE TABLE visits (id bigint NOT NULL, at date NOT NULL, page text, CONSTRAINT visits_page_check CHECK (page <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX visits_page_idx ON visits (page);
CREATE TABLE accounts (id integer PRIMARY KEY);
ALTER TABLE visits ADD COLUMN account_id integer REFERENCES accounts;
CREATE TABLE visits_2023 PARTITION OF visits FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE visits_2024 PARTITION OF visits FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO accounts VALUES (1);
INSERT INTO visits VALUES (1, '2023-02-02', '/a', 1), (2, '2024-02-02', '/b', NULL);
