CREATE TABLE "UserAccounts" ("Id" INTEGER PRIMARY KEY, "firstName" VARCHAR(50) NOT NULL DEFAULT '', "emailAddress" TEXT UNIQUE);
CREATE INDEX "IX_first" ON "UserAccounts" ("firstName" DESC);
CREATE TABLE "Orders" ("OrderId" INTEGER PRIMARY KEY AUTOINCREMENT, "AccountId" INTEGER REFERENCES "UserAccounts" ("Id"));
