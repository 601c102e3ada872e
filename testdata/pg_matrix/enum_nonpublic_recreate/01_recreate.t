seed: INSERT INTO crm.customers (tier) VALUES ('gold'); INSERT INTO leads (tier) VALUES ('silver')
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'crm.tier'::regtype => bronze,silver,gold
q: SELECT obj_description('crm.tier'::regtype, 'pg_type') => Customer tier
q: SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'crm.customers'::regclass => 'bronze'::crm.tier
q: SELECT (SELECT string_agg(tier::text, ',') FROM crm.customers) || '|' || (SELECT string_agg(tier::text, ',') FROM leads) => gold|silver
