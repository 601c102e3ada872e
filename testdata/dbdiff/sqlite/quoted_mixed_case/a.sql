CREATE TABLE "UserAccounts" ("Id" INTEGER PRIMARY KEY, "firstName" TEXT, "LastName" TEXT);
CREATE INDEX "IX_first" ON "UserAccounts" ("firstName");
INSERT INTO "UserAccounts" VALUES (1, 'a', 'b');
