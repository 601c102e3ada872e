CREATE TABLE employees (id integer PRIMARY KEY, manager integer REFERENCES employees (id), name text);
CREATE RECURSIVE VIEW reporting_line (id, manager, depth) AS
    SELECT id, manager, 0 FROM employees WHERE manager IS NULL
    UNION ALL
    SELECT e.id, e.manager, r.depth + 1 FROM employees e JOIN reporting_line r ON e.manager = r.id;
