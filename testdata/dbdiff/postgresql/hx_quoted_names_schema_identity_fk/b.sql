CREATE SCHEMA "Sales Dept";
CREATE TABLE "Customer Orders" ("Order ID" integer PRIMARY KEY, "Amount" numeric CONSTRAINT "Amount >= 0" CHECK ("Amount" >= 0), "ÄÖÜ" text);
CREATE TABLE "Sales Dept"."Line-Items" ("Line" integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "Order ID" integer REFERENCES "Customer Orders" ON DELETE CASCADE);
CREATE INDEX "Line-Items Order" ON "Sales Dept"."Line-Items" ("Order ID");
COMMENT ON TABLE "Sales Dept"."Line-Items" IS 'lines';
