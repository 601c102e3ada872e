CREATE TABLE "UserAccounts" ("Id" integer PRIMARY KEY, "firstName" text, "LastName" text);
CREATE INDEX "IX_UserAccounts_firstName" ON "UserAccounts" ("firstName");
INSERT INTO "UserAccounts" VALUES (1, 'a', 'b');
