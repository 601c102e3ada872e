CREATE TABLE messages (id bigint PRIMARY KEY, inbox integer, subject text, read_at timestamptz, archived boolean);
