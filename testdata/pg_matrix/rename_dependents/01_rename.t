seed: INSERT INTO crm.owners (email) VALUES ('o@x'); INSERT INTO crm.pets (owner_id, nick) VALUES (1, 'rex')
rev!: DROP COLUMN
rev!: DROP TABLE
q: SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conname) FROM pg_constraint WHERE connamespace = 'crm'::regnamespace => ck_pets_nick CHECK ((length(name) > 1)); fk_animals_keeper_id_owners FOREIGN KEY (keeper_id) REFERENCES crm.owners(id); pk_animals PRIMARY KEY (id); pk_owners PRIMARY KEY (id); uq_owners_mail UNIQUE (mail)
q: SELECT pg_get_indexdef('crm.ix_pets_lower_nick'::regclass) => CREATE INDEX ix_pets_lower_nick ON crm.animals USING btree (lower(name))
up-q: SELECT string_agg(id || '/' || keeper_id || '/' || name, ',') FROM crm.animals => 1/1/rex
