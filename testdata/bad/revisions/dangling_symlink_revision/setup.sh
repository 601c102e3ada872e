ln -s nowhere.sql migrations/versions/dddd00000004_link.sql
