CREATE SCHEMA stats;
CREATE SCHEMA shop;
CREATE TABLE items (id integer PRIMARY KEY, a integer, b integer);
CREATE STATISTICS stats.items_ab (ndistinct) ON a, b FROM items;
CREATE TABLE shop.carts (id integer PRIMARY KEY, owner integer, status text);
CREATE STATISTICS shop.carts_owner_status ON owner, status FROM shop.carts;
ALTER STATISTICS shop.carts_owner_status SET STATISTICS 0;
COMMENT ON STATISTICS shop.carts_owner_status IS 'carts per owner';
