CREATE TABLE "Bestellungen" ("Nummer" integer PRIMARY KEY, "Straße" text);
INSERT INTO "Bestellungen" VALUES (1, 'Hauptstraße');
