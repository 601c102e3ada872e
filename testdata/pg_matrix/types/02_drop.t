gen: drop
q: SELECT count(*) FROM pg_attribute WHERE attrelid = 'things'::regclass AND attnum > 0 AND NOT attisdropped => 2
q: SELECT count(*) FROM pg_type WHERE typname = 'mood' => 0
q: SELECT string_agg(label, ',' ORDER BY id) FROM things => one,two
