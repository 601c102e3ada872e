CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE timerange AS RANGE (subtype = time);
CREATE TABLE shifts (id integer PRIMARY KEY, hours numrange, span floatrange, slot timerange, slots timerange[],
  CONSTRAINT shifts_slot_check CHECK (NOT isempty(slot)));
CREATE INDEX shifts_span_idx ON shifts USING gist (span);
