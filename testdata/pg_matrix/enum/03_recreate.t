seed: INSERT INTO tasks (title, state) VALUES ('c', 'todo')
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'task_state'::regtype => done,todo,blocked
q: SELECT format_type(atttypid, atttypmod), attnotnull, pg_get_expr(adbin, adrelid) FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'tasks'::regclass AND attname = 'state' => task_state|t|'todo'::task_state
up-q: SELECT string_agg(title || '=' || state, ',' ORDER BY id) FROM tasks => a=todo,b=done,c=todo
q: SELECT count(*) FROM pg_type WHERE typtype = 'e' => 1
down-q: SELECT string_agg(title, ',' ORDER BY id) FROM tasks => a,b,c
down-seed: UPDATE tasks SET state = 'done' WHERE id = 2
