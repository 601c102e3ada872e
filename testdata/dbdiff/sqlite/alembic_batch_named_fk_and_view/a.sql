CREATE TABLE author (id INTEGER NOT NULL, name VARCHAR(100) NOT NULL, CONSTRAINT pk_author PRIMARY KEY (id));
CREATE TABLE book (id INTEGER NOT NULL, title VARCHAR(200), author_id INTEGER, CONSTRAINT pk_book PRIMARY KEY (id));
CREATE VIEW book_titles AS SELECT book.title, author.name FROM book JOIN author ON author.id = book.author_id;
INSERT INTO author VALUES (1, 'a');
INSERT INTO book VALUES (1, 'b', 1);
