CREATE DOMAIN price AS numeric(10,2) DEFAULT 0 NOT NULL CHECK (VALUE >= 0);
COMMENT ON DOMAIN price IS 'a price in euros';
CREATE TABLE product (
    id int PRIMARY KEY,
    list_price price NOT NULL DEFAULT 9.99,
    sale_price price,
    tiers price[],
    CONSTRAINT product_sale_below_list CHECK (sale_price <= list_price + 0::price)
);
CREATE INDEX product_list_price_idx ON product (list_price);
CREATE VIEW cheap_product AS SELECT id, list_price FROM product WHERE list_price < 10;
CREATE FUNCTION discounted(p price, pct int) RETURNS price
    LANGUAGE sql IMMUTABLE AS $$ SELECT (p * (100 - pct) / 100)::numeric(10,2)::price $$;
INSERT INTO product VALUES (1, 4.50, 3.99, '{1.00,2.50}'), (2, 1234.56, 1000.01, NULL);
