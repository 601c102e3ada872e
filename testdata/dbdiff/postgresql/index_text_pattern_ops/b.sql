CREATE TABLE files (id integer PRIMARY KEY, path text);
CREATE INDEX ix_files_path_prefix ON files (path text_pattern_ops);
