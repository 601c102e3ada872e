seed: INSERT INTO tasks (title) VALUES ('a')
rev: CREATE TYPE "task_state" AS ENUM ('todo', 'done')
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'task_state'::regtype => todo,done
q: SELECT format_type(atttypid, atttypmod), attnotnull, pg_get_expr(adbin, adrelid) FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'tasks'::regclass AND attname = 'state' => task_state|t|'todo'::task_state
up-q: SELECT string_agg(title || '=' || state, ',' ORDER BY id) FROM tasks => a=todo
