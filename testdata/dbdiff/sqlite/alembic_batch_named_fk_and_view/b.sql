CREATE TABLE author (id INTEGER NOT NULL, name VARCHAR(100) NOT NULL, CONSTRAINT pk_author PRIMARY KEY (id));
CREATE TABLE book (id INTEGER NOT NULL, title VARCHAR(200), author_id INTEGER, CONSTRAINT pk_book PRIMARY KEY (id),
    CONSTRAINT fk_book_author_id_author FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE);
CREATE VIEW book_titles AS SELECT book.title, author.name FROM book JOIN author ON author.id = book.author_id;
