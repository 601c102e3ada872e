# a generated column reads the column whose type changes: it is dropped before the ALTER and added back after
seed: INSERT INTO shop.lines (qty) VALUES (21)
q: SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'shop.lines'::regclass AND attname = 'qty' => bigint
q: SELECT string_agg(qty || '=' || double_qty, ',') FROM shop.lines => 21=42
rev: ALTER TABLE "shop"."lines" DROP COLUMN "double_qty";
