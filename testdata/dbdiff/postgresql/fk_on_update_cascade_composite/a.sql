CREATE TABLE warehouses (site text, code text, PRIMARY KEY (site, code));
CREATE TABLE bins (id integer PRIMARY KEY, site text, wh text, FOREIGN KEY (site, wh) REFERENCES warehouses);
