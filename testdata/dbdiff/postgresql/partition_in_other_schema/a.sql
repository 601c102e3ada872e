CREATE SCHEMA archive;
CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.events_current PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2030-01-01');
