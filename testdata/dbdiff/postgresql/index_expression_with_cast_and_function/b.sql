CREATE TABLE orders (id integer PRIMARY KEY, placed timestamptz, meta jsonb);
CREATE INDEX ix_orders_day ON orders (((placed AT TIME ZONE 'UTC')::date));
CREATE INDEX ix_orders_channel ON orders ((meta ->> 'channel'), ((meta -> 'total')::numeric));
