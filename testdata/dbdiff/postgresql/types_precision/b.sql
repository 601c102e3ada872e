CREATE TABLE p (id integer PRIMARY KEY, a timestamp(3), b timestamptz, c interval day to second, d time(0), e double precision, f real, g numeric(9,3), h char(3));
