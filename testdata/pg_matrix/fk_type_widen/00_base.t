down-q: SELECT string_agg(id || '/' || account_id || '/' || account_code, ',' ORDER BY id) FROM entries => 1/1/A1
