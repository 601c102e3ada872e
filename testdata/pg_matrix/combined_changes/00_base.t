# the backfill stays after the downgrade (qty comes back as text holding 0)
down-q: SELECT string_agg(concat_ws('/', sz, qty, color), ',' ORDER BY id) FROM shirts => m/5/red,l/0/blue
