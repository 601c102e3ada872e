CREATE TABLE items (id INTEGER PRIMARY KEY, qty INTEGER);
CREATE TABLE audit (item INTEGER);
CREATE VIEW "stocked" AS
  select "id"
    from ITEMS   -- in stock
   where QTY > 0;
CREATE TRIGGER "tr_qty" after update of "qty" on "items" for each row
when NEW.qty <> OLD.qty
begin
  insert into "audit" values (NEW.id);
end;
