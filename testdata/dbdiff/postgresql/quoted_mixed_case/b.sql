CREATE TABLE "UserAccounts" ("Id" integer PRIMARY KEY, "firstName" varchar(50) NOT NULL DEFAULT '', "emailAddress" text UNIQUE);
CREATE INDEX "IX_UserAccounts_firstName" ON "UserAccounts" ("firstName" DESC);
CREATE TABLE "Orders" ("OrderId" serial PRIMARY KEY, "AccountId" integer REFERENCES "UserAccounts" ("Id"));
