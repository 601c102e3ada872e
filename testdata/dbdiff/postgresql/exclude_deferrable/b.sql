CREATE TABLE plans (id integer PRIMARY KEY, valid daterange, CONSTRAINT ex_plans_valid EXCLUDE USING gist (valid WITH &&) DEFERRABLE INITIALLY DEFERRED);
