CREATE TABLE misc (id integer PRIMARY KEY, ip inet, net cidr, blob bytea, span interval, money_col money, t time(3), tz time with time zone, bits bit varying(8), pt point);
