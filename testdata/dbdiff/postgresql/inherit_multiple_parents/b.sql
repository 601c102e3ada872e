CREATE TABLE named (name text);
CREATE TABLE dated (created date);
CREATE TABLE documents (body text) INHERITS (named, dated);
