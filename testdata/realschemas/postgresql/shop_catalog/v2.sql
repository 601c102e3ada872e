-- shop_catalog v2: an online shop's catalog, carts and orders; trigram
-- search on names, domains for money and codes, reporting views.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE DOMAIN price AS numeric(12,2) CONSTRAINT price_nonnegative CHECK (VALUE >= 0);
CREATE DOMAIN sku AS varchar(32) CONSTRAINT sku_format CHECK (VALUE ~ '^[A-Z0-9][A-Z0-9._-]*$');
CREATE DOMAIN country_code AS char(2) CONSTRAINT country_code_upper CHECK (VALUE = upper(VALUE));
CREATE TYPE order_state AS ENUM ('cart', 'placed', 'paid', 'packed', 'shipped', 'delivered', 'returned', 'canceled');
CREATE TYPE address_kind AS ENUM ('billing', 'shipping');

CREATE FUNCTION immutable_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent', $1) $$;

CREATE TABLE brands (
    id serial PRIMARY KEY,
    name text NOT NULL,
    slug text NOT NULL UNIQUE,
    country country_code,
    website text
);
CREATE INDEX brands_name_trgm ON brands USING gin (name gin_trgm_ops);

CREATE TABLE categories (
    id serial PRIMARY KEY,
    parent_id integer REFERENCES categories (id) ON DELETE CASCADE,
    name text NOT NULL,
    slug text NOT NULL,
    position integer NOT NULL DEFAULT 0,
    CONSTRAINT categories_parent_slug_key UNIQUE NULLS NOT DISTINCT (parent_id, slug)
);
CREATE INDEX categories_parent_position_idx ON categories (parent_id, position);

CREATE TABLE products (
    id bigserial PRIMARY KEY,
    brand_id integer REFERENCES brands (id) ON DELETE SET NULL,
    name text NOT NULL,
    slug text NOT NULL,
    description text,
    attributes jsonb NOT NULL DEFAULT '{}',
    published_at timestamptz,
    discontinued boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, ''))) STORED,
    CONSTRAINT products_slug_key UNIQUE (slug)
);
CREATE INDEX products_search_idx ON products USING gin (search);
CREATE INDEX products_name_trgm ON products USING gin (immutable_unaccent(lower(name)) gin_trgm_ops);
CREATE INDEX products_attributes_idx ON products USING gin (attributes jsonb_path_ops);
CREATE INDEX products_published_idx ON products (published_at DESC NULLS LAST) WHERE NOT discontinued;
CREATE INDEX products_brand_idx ON products (brand_id);

CREATE TABLE product_categories (
    product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    category_id integer NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    primary_category boolean NOT NULL DEFAULT false,
    PRIMARY KEY (product_id, category_id)
);
CREATE UNIQUE INDEX product_categories_one_primary ON product_categories (product_id) WHERE primary_category;
CREATE INDEX product_categories_category_idx ON product_categories (category_id);

CREATE TABLE variants (
    id bigserial PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    sku sku NOT NULL,
    title text NOT NULL,
    options jsonb NOT NULL DEFAULT '{}',
    weight_grams integer CHECK (weight_grams > 0),
    barcode varchar(14),
    hs_code varchar(10),
    CONSTRAINT variants_sku_key UNIQUE (sku)
);
CREATE INDEX variants_product_idx ON variants (product_id);
CREATE INDEX variants_sku_pattern_idx ON variants (sku varchar_pattern_ops);
CREATE UNIQUE INDEX variants_barcode_key ON variants (barcode) WHERE barcode IS NOT NULL;

CREATE TABLE price_lists (
    id serial PRIMARY KEY,
    code text NOT NULL UNIQUE,
    currency char(3) NOT NULL DEFAULT 'EUR',
    includes_tax boolean NOT NULL DEFAULT true
);

CREATE TABLE prices (
    variant_id bigint NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    price_list_id integer NOT NULL REFERENCES price_lists (id),
    amount price NOT NULL,
    compare_at price,
    valid_from date NOT NULL DEFAULT current_date,
    PRIMARY KEY (variant_id, price_list_id, valid_from),
    CONSTRAINT prices_compare_above CHECK (compare_at IS NULL OR compare_at > amount)
);

CREATE TABLE warehouses (
    id serial PRIMARY KEY,
    code varchar(8) NOT NULL UNIQUE,
    name text NOT NULL,
    country country_code NOT NULL
);

CREATE TABLE stock_levels (
    variant_id bigint NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    warehouse_id integer NOT NULL REFERENCES warehouses (id),
    on_hand integer NOT NULL DEFAULT 0,
    reserved integer NOT NULL DEFAULT 0,
    PRIMARY KEY (variant_id, warehouse_id),
    CONSTRAINT stock_levels_reserved_le_on_hand CHECK (reserved <= on_hand)
);

CREATE TABLE product_images (
    id bigserial PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    url text NOT NULL,
    alt text,
    position smallint NOT NULL DEFAULT 0
);
CREATE INDEX product_images_product_position_idx ON product_images (product_id, position);

CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email citext NOT NULL UNIQUE,
    first_name text,
    last_name text,
    marketing_opt_in boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_name_trgm ON customers USING gin ((coalesce(first_name, '') || ' ' || coalesce(last_name, '')) gin_trgm_ops);

CREATE TABLE addresses (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind address_kind NOT NULL,
    line1 text NOT NULL,
    line2 text,
    postal_code varchar(16) NOT NULL,
    city text NOT NULL,
    country country_code NOT NULL
);
CREATE INDEX addresses_customer_idx ON addresses (customer_id, kind);

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint REFERENCES customers (id) ON DELETE SET NULL,
    state order_state NOT NULL DEFAULT 'cart',
    currency char(3) NOT NULL DEFAULT 'EUR',
    total price NOT NULL DEFAULT 0,
    shipping_address_id bigint REFERENCES addresses (id),
    placed_at timestamptz,
    notes text
);
CREATE INDEX orders_customer_state_idx ON orders (customer_id, state);
CREATE INDEX orders_placed_idx ON orders (placed_at DESC) WHERE state NOT IN ('cart', 'canceled');

CREATE TABLE order_items (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line smallint NOT NULL,
    variant_id bigint NOT NULL REFERENCES variants (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price price NOT NULL,
    PRIMARY KEY (order_id, line)
);
CREATE INDEX order_items_variant_idx ON order_items (variant_id);

CREATE TABLE shipments (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    warehouse_id integer NOT NULL REFERENCES warehouses (id),
    carrier text NOT NULL,
    tracking_code text,
    shipped_at timestamptz,
    delivered_at timestamptz,
    CONSTRAINT shipments_delivered_after_shipped CHECK (delivered_at >= shipped_at)
);
CREATE UNIQUE INDEX shipments_tracking_key ON shipments (carrier, tracking_code) WHERE tracking_code IS NOT NULL;

CREATE TABLE reviews (
    id bigserial PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    customer_id bigint REFERENCES customers (id) ON DELETE SET NULL,
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title text,
    body text,
    approved boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reviews_product_approved_idx ON reviews (product_id, created_at DESC) INCLUDE (rating) WHERE approved;
CREATE INDEX reviews_body_trgm ON reviews USING gist (body gist_trgm_ops);

CREATE TABLE wishlists (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name text NOT NULL DEFAULT 'Wishlist',
    public_token uuid UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE wishlist_items (
    wishlist_id bigint NOT NULL REFERENCES wishlists (id) ON DELETE CASCADE,
    variant_id bigint NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (wishlist_id, variant_id)
);

CREATE TABLE promotions (
    id serial PRIMARY KEY,
    code citext UNIQUE,
    description text NOT NULL,
    percent_off numeric(5,2) CHECK (percent_off > 0 AND percent_off <= 100),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz,
    CONSTRAINT promotions_window CHECK (ends_at IS NULL OR ends_at > starts_at)
);


CREATE VIEW product_listing AS
    SELECT p.id, p.slug, p.name, b.name AS brand, min(pr.amount) AS from_price, max(pr.compare_at) AS compare_at
    FROM products p
    LEFT JOIN brands b ON b.id = p.brand_id
    JOIN variants v ON v.product_id = p.id
    JOIN prices pr ON pr.variant_id = v.id
    WHERE p.published_at IS NOT NULL AND NOT p.discontinued
    GROUP BY p.id, p.slug, p.name, b.name;

CREATE VIEW low_stock AS
    SELECT v.sku, w.code AS warehouse, s.on_hand - s.reserved AS available
    FROM stock_levels s JOIN variants v ON v.id = s.variant_id JOIN warehouses w ON w.id = s.warehouse_id
    WHERE s.on_hand - s.reserved < 10;

CREATE MATERIALIZED VIEW category_product_counts AS
    SELECT c.id AS category_id, count(pc.product_id) AS products
    FROM categories c LEFT JOIN product_categories pc ON pc.category_id = c.id
    GROUP BY c.id;
CREATE UNIQUE INDEX category_product_counts_key ON category_product_counts (category_id);
COMMENT ON MATERIALIZED VIEW category_product_counts IS 'refreshed every 10 minutes';

INSERT INTO brands (name, slug, country) VALUES ('Nordwind', 'nordwind', 'DE'), ('Café Olé', 'cafe-ole', 'FR');
INSERT INTO categories (parent_id, name, slug) VALUES (NULL, 'Outdoor', 'outdoor'), (1, 'Jackets', 'jackets'), (NULL, 'Kitchen', 'kitchen');
INSERT INTO products (brand_id, name, slug, attributes, published_at) VALUES
    (1, 'Storm Jacket', 'storm-jacket', '{"material": "nylon"}', '2026-01-01'),
    (2, 'Espresso Crème', 'espresso-creme', '{"roast": "dark"}', '2026-01-02'),
    (NULL, 'Plain Mug', 'plain-mug', '{}', NULL);
INSERT INTO product_categories VALUES (1, 2, true), (1, 1, false), (2, 3, true);
INSERT INTO variants (product_id, sku, title, weight_grams, barcode) VALUES
    (1, 'SJ-M-BLUE', 'M / blue', 800, '4006381333931'), (1, 'SJ-L-BLUE', 'L / blue', 850, NULL), (2, 'ESP-250', '250 g', 250, NULL), (3, 'MUG-1', 'Mug', 300, NULL);
INSERT INTO price_lists (code) VALUES ('retail-eur');
INSERT INTO prices (variant_id, price_list_id, amount, compare_at, valid_from) VALUES (1, 1, 149.90, 179.90, '2026-01-01'), (2, 1, 149.90, NULL, '2026-01-01'), (3, 1, 8.50, NULL, '2026-01-01');
INSERT INTO warehouses (code, name, country) VALUES ('HAM1', 'Hamburg', 'DE');
INSERT INTO stock_levels VALUES (1, 1, 10, 2), (2, 1, 3, 0), (3, 1, 100, 10);
INSERT INTO product_images (product_id, url, alt) VALUES (1, 'https://cdn.test/sj.jpg', 'Storm Jacket');
INSERT INTO customers (email, first_name, last_name) VALUES ('Zoë@example.test', 'Zoë', 'Ångström'), ('max@example.test', 'Max', 'Muster');
INSERT INTO addresses (customer_id, kind, line1, postal_code, city, country) VALUES (1, 'shipping', 'Hafenstraße 1', '20457', 'Hamburg', 'DE');
INSERT INTO orders (customer_id, state, total, shipping_address_id, placed_at) VALUES (1, 'paid', 158.40, 1, '2026-01-20'), (2, 'cart', 0, NULL, NULL);
INSERT INTO order_items VALUES (1, 1, 1, 1, 149.90), (1, 2, 3, 1, 8.50);
INSERT INTO shipments (order_id, warehouse_id, carrier, tracking_code, shipped_at) VALUES (1, 1, 'dhl', 'JD0001', '2026-01-21');
INSERT INTO reviews (product_id, customer_id, rating, title, approved) VALUES (1, 1, 5, 'Warm!', true);
INSERT INTO promotions (code, description, percent_off, starts_at) VALUES ('SPRING', 'Spring sale', 15, '2026-03-01');
