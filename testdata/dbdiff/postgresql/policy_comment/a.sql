CREATE TABLE t (id integer PRIMARY KEY, o text);
CREATE POLICY t_p ON t USING (o = current_user);
