CREATE TABLE "Customer Orders" ("Order ID" integer PRIMARY KEY, "Amount" numeric, "ÄÖÜ" text);
INSERT INTO "Customer Orders" VALUES (1, 2, 'x');
