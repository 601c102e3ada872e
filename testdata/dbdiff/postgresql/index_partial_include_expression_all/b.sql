CREATE TABLE messages (id bigint PRIMARY KEY, inbox integer, subject text, read_at timestamptz, archived boolean);
CREATE INDEX ix_messages_unread ON messages (inbox, lower(subject) text_pattern_ops DESC) INCLUDE (id) WITH (fillfactor = 80) WHERE read_at IS NULL AND NOT archived;
