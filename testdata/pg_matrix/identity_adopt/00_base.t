down-q: SELECT string_agg(no || subject, ',' ORDER BY no) FROM tickets WHERE no <= 2 => 1a,2b
