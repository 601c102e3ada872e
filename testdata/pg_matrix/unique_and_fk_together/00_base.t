down-q: SELECT string_agg(sku_code, ',') FROM stock => K1
