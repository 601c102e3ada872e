CREATE TABLE t (id integer PRIMARY KEY, o text);
CREATE POLICY p_old ON t USING (o = current_user);
