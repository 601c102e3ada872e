seed: INSERT INTO orgs VALUES ('o1')
seed: INSERT INTO teams (org_code) VALUES ('o1')
q: SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conname) FROM pg_constraint WHERE contype IN ('p', 'f') AND connamespace = 'public'::regnamespace AND conname NOT LIKE 'schemadiff%' => fk_teams_org_code_orgs FOREIGN KEY (org_code) REFERENCES orgs(code); orgs_pkey PRIMARY KEY (code); pk_teams PRIMARY KEY (id)
