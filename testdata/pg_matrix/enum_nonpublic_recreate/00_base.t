down-q: SELECT (SELECT string_agg(tier::text, ',') FROM crm.customers) || '|' || (SELECT string_agg(tier::text, ',') FROM leads) => gold|silver
