q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = '"Mood"'::regtype => it's,Happy Face
q: SELECT obj_description('"Sales Dept"."user"'::regclass, 'pg_class'), col_description('"Sales Dept"."user"'::regclass, 2) => It's the "user" table|a 'reserved' column
q: SELECT pg_get_indexdef('"Sales Dept"."IX Mixed"'::regclass) => CREATE INDEX "IX Mixed" ON "Sales Dept"."user" USING btree ("select", "CamelCase")
down-q: SELECT string_agg("select" || '/' || "CamelCase", ',') FROM "Sales Dept"."user" => a/Happy Face
