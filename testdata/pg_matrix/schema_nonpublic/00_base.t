seed: SELECT 1
