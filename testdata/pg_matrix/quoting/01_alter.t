seed: INSERT INTO "Sales Dept"."user" ("select", "CamelCase") VALUES ('a', 'Happy Face')
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = '"Mood"'::regtype => it's,Sad 'one',Happy Face
q: SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ck_user_select' => CHECK (("select" <> 'x''z'::text))
q: SELECT string_agg("select" || '/' || "CamelCase", ',') FROM "Sales Dept"."user" => a/Happy Face
