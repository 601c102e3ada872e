CREATE TABLE "text" ("text" text, "date" date, "int" integer, "timestamp" timestamp);
INSERT INTO "text" VALUES ('a', '2024-01-01', 1, '2024-01-01 00:00');
