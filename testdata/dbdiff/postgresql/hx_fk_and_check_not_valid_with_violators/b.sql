CREATE TABLE projects (id integer PRIMARY KEY, name text);
CREATE TABLE tasks (id integer PRIMARY KEY, project_id integer, name text);
ALTER TABLE tasks ADD CONSTRAINT tasks_project_fk FOREIGN KEY (project_id) REFERENCES projects ON DELETE CASCADE NOT VALID;
ALTER TABLE tasks ADD CONSTRAINT tasks_name_check CHECK (name IS NOT NULL) NOT VALID;
