CREATE TABLE "Bestellungen" ("Nummer" integer PRIMARY KEY, "Straße" text, "Preis€" numeric, "注文日" date);
CREATE INDEX "ix_Bestellungen_Straße" ON "Bestellungen" ("Straße");
CREATE TABLE "顧客" ("番号" integer PRIMARY KEY, "名前" text NOT NULL);
