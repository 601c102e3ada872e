CREATE TABLE payments (id bigint NOT NULL, paid date NOT NULL, cents integer NOT NULL, CONSTRAINT ck_payments_positive CHECK (cents > 0)) PARTITION BY RANGE (paid);
CREATE TABLE payments_2024 PARTITION OF payments FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
