seed: INSERT INTO tasks (title, state) VALUES ('b', 'done')
rev: ALTER TYPE "task_state" ADD VALUE 'doing' AFTER 'todo'
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'task_state'::regtype => todo,doing,done
up-q: SELECT string_agg(title || '=' || state, ',' ORDER BY id) FROM tasks WHERE id <= 2 => a=todo,b=done
down-q: SELECT string_agg(title, ',' ORDER BY id) FROM tasks => a,b,c
down-q: SELECT string_agg(title || '=' || state, ',' ORDER BY id) FROM tasks => a=todo,b=done,c=todo
