CREATE TABLE hosts (id integer PRIMARY KEY, addr inet);
CREATE INDEX ix_hosts_addr ON hosts USING spgist (addr);
