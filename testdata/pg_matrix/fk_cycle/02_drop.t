gen: drop
q: SELECT count(*) FROM pg_tables WHERE tablename IN ('teams', 'people') => 0
