CREATE TABLE "user" (id serial PRIMARY KEY, name varchar(50), fullname varchar(50), nickname varchar(12));
CREATE TABLE address (id serial PRIMARY KEY, email_address varchar(50) NOT NULL, user_id integer REFERENCES "user" (id));
CREATE TABLE extra (x char(1), uid integer REFERENCES "user" (id));
CREATE TABLE order_ (order_id serial PRIMARY KEY, amount numeric(8,2) NOT NULL DEFAULT 0, CONSTRAINT ck_order_amount CHECK (amount >= 0));
INSERT INTO "user" (name) VALUES ('ed');
INSERT INTO address (email_address, user_id) VALUES ('ed@x', 1);
