CREATE TABLE visits (id bigint NOT NULL, at date NOT NULL, page text, CONSTRAINT visits_page_check CHECK (page <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX visits_page_idx ON visits (page);
CREATE TABLE accounts (id integer PRIMARY KEY);
ALTER TABLE visits ADD COLUMN account_id integer REFERENCES accounts;
CREATE TABLE visits_2024 PARTITION OF visits FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE visits_2023 (id bigint NOT NULL, at date NOT NULL, page text, account_id integer);
CREATE INDEX visits_2023_at_idx ON visits_2023 (at);
