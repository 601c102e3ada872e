CREATE TABLE base (id integer PRIMARY KEY);
CREATE TABLE departments (id integer PRIMARY KEY, manager_id integer);
CREATE TABLE employees (id integer PRIMARY KEY, department_id integer REFERENCES departments (id));
ALTER TABLE departments ADD CONSTRAINT fk_dept_manager FOREIGN KEY (manager_id) REFERENCES employees (id);
