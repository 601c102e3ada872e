CREATE TABLE t (id integer PRIMARY KEY, iv interval DAY TO SECOND(3), iy interval YEAR TO MONTH, tm time(3) with time zone,
  ts timestamp(0) without time zone, b bit(8), vb varbit(16), ch "char", nm name, x xml, tv tsvector, pt point, pg polygon,
  ci cidr, mac8 macaddr8, mr int4multirange, grid integer[][], money_col money, u uuid, tq tsquery, oi oid);
