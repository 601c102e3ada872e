down-q: SELECT string_agg(qty || '=' || double_qty, ',') FROM shop.lines => 21=42
