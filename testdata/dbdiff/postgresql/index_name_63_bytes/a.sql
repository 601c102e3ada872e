CREATE TABLE subscriptions_with_a_rather_long_name (id integer PRIMARY KEY, customer_reference text);
