CREATE TABLE "user" ("select" integer PRIMARY KEY, "from" varchar(10), "where" boolean DEFAULT false);
CREATE TABLE "group" ("table" integer PRIMARY KEY, "user" integer REFERENCES "user" ("select") ON DELETE CASCADE, "limit" integer CHECK ("limit" > 0));
CREATE INDEX "index" ON "group" ("user", "limit");
