seed: SELECT 1
down-q: SELECT string_agg(status || '/' || plan, ',' ORDER BY id) FROM subs => active/free,paused/pro
