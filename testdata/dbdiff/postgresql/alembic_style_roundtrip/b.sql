CREATE TABLE "user" (id serial PRIMARY KEY, name varchar(50) NOT NULL, a1 text DEFAULT 'x', pw varchar(50));
CREATE INDEX pw_idx ON "user" (pw);
CREATE TABLE address (id serial PRIMARY KEY, email_address varchar(100) NOT NULL, street varchar(50), CONSTRAINT uq_email UNIQUE (email_address));
CREATE TABLE order_ (order_id serial PRIMARY KEY, amount numeric(10,2), user_id integer REFERENCES "user" (id), CONSTRAINT ck_order_amount CHECK (amount > 0));
CREATE TABLE item (id serial PRIMARY KEY, description varchar(100), order_id integer REFERENCES order_ (order_id), CONSTRAINT ck_item_id CHECK (id > 5));
