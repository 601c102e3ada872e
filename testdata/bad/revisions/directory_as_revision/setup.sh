mkdir migrations/versions/dddd00000004_dir.sql
