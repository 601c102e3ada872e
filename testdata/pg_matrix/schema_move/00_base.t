down-q: SELECT string_agg(name, ',') FROM public.items => keep,more
