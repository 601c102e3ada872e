down-q: SELECT string_agg(id || '=' || prio, ',' ORDER BY id) FROM jobs => 1=low,2=high
