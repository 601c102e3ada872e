-- A Flask app's SQLite database as SQLAlchemy 2 and Flask-Migrate (Alembic,
-- render_as_batch, the naming convention of the Flask-SQLAlchemy docs)
-- leave it after `flask db upgrade`: an issue tracker with views for the
-- dashboard and triggers keeping counters and an audit trail.
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL,
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE user (
	id INTEGER NOT NULL,
	username VARCHAR(64) NOT NULL,
	email VARCHAR(120) NOT NULL,
	password_hash VARCHAR(256),
	about_me VARCHAR(140),
	last_seen DATETIME,
	is_admin BOOLEAN DEFAULT (0) NOT NULL,
	CONSTRAINT pk_user PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_user_email ON user (email);
CREATE UNIQUE INDEX ix_user_username ON user (username);
CREATE TABLE project (
	id INTEGER NOT NULL,
	name VARCHAR(80) NOT NULL,
	owner_id INTEGER NOT NULL,
	created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
	open_issues INTEGER DEFAULT 0 NOT NULL,
	CONSTRAINT pk_project PRIMARY KEY (id),
	CONSTRAINT fk_project_owner_id_user FOREIGN KEY(owner_id) REFERENCES user (id),
	CONSTRAINT uq_project_name UNIQUE (name)
);
CREATE TABLE issue (
	id INTEGER NOT NULL,
	project_id INTEGER NOT NULL,
	author_id INTEGER NOT NULL,
	assignee_id INTEGER,
	title VARCHAR(200) NOT NULL,
	body TEXT,
	status VARCHAR(11) DEFAULT 'open' NOT NULL,
	priority INTEGER DEFAULT 2 NOT NULL,
	created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
	closed_at DATETIME,
	CONSTRAINT pk_issue PRIMARY KEY (id),
	CONSTRAINT fk_issue_project_id_project FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE,
	CONSTRAINT fk_issue_author_id_user FOREIGN KEY(author_id) REFERENCES user (id),
	CONSTRAINT fk_issue_assignee_id_user FOREIGN KEY(assignee_id) REFERENCES user (id) ON DELETE SET NULL,
	CONSTRAINT issuestatus CHECK (status IN ('open', 'in_progress', 'closed')),
	CONSTRAINT ck_issue_priority_range CHECK (priority BETWEEN 0 AND 4)
);
CREATE INDEX ix_issue_project_id ON issue (project_id);
CREATE INDEX ix_issue_assignee_id ON issue (assignee_id);
CREATE INDEX ix_issue_open ON issue (project_id, priority DESC) WHERE status <> 'closed';
CREATE TABLE comment (
	id INTEGER NOT NULL,
	issue_id INTEGER NOT NULL,
	author_id INTEGER NOT NULL,
	body TEXT NOT NULL,
	timestamp DATETIME DEFAULT (CURRENT_TIMESTAMP),
	CONSTRAINT pk_comment PRIMARY KEY (id),
	CONSTRAINT fk_comment_issue_id_issue FOREIGN KEY(issue_id) REFERENCES issue (id) ON DELETE CASCADE,
	CONSTRAINT fk_comment_author_id_user FOREIGN KEY(author_id) REFERENCES user (id)
);
CREATE INDEX ix_comment_timestamp ON comment (timestamp);
CREATE TABLE label (
	id INTEGER NOT NULL,
	name VARCHAR(32) NOT NULL,
	color VARCHAR(7) DEFAULT '#888888' NOT NULL,
	CONSTRAINT pk_label PRIMARY KEY (id),
	CONSTRAINT uq_label_name UNIQUE (name)
);
CREATE TABLE issue_labels (
	issue_id INTEGER NOT NULL,
	label_id INTEGER NOT NULL,
	CONSTRAINT pk_issue_labels PRIMARY KEY (issue_id, label_id),
	CONSTRAINT fk_issue_labels_issue_id_issue FOREIGN KEY(issue_id) REFERENCES issue (id) ON DELETE CASCADE,
	CONSTRAINT fk_issue_labels_label_id_label FOREIGN KEY(label_id) REFERENCES label (id) ON DELETE CASCADE
);
CREATE TABLE followers (
	follower_id INTEGER,
	followed_id INTEGER,
	FOREIGN KEY(follower_id) REFERENCES user (id),
	FOREIGN KEY(followed_id) REFERENCES user (id)
);
CREATE TABLE audit_log (
	id INTEGER NOT NULL,
	table_name VARCHAR(40) NOT NULL,
	row_id INTEGER NOT NULL,
	action VARCHAR(6) NOT NULL,
	at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
	CONSTRAINT pk_audit_log PRIMARY KEY (id)
);
CREATE TABLE api_token (
	id INTEGER NOT NULL,
	user_id INTEGER NOT NULL,
	token VARCHAR(64) NOT NULL,
	expires DATETIME,
	CONSTRAINT pk_api_token PRIMARY KEY (id),
	CONSTRAINT fk_api_token_user_id_user FOREIGN KEY(user_id) REFERENCES user (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_api_token_token ON api_token (token);
CREATE VIEW open_issue_counts AS
	SELECT project.id AS project_id, project.name AS project, count(issue.id) AS open_issues
	FROM project LEFT JOIN issue ON issue.project_id = project.id AND issue.status <> 'closed'
	GROUP BY project.id;
CREATE VIEW my_work AS
	SELECT issue.id, issue.title, issue.priority, user.username AS assignee
	FROM issue JOIN user ON user.id = issue.assignee_id
	WHERE issue.status = 'in_progress';
CREATE TRIGGER issue_opened AFTER INSERT ON issue
BEGIN
	UPDATE project SET open_issues = open_issues + 1 WHERE id = NEW.project_id;
	INSERT INTO audit_log (table_name, row_id, action) VALUES ('issue', NEW.id, 'insert');
END;
CREATE TRIGGER issue_closed AFTER UPDATE OF status ON issue
WHEN NEW.status = 'closed' AND OLD.status <> 'closed'
BEGIN
	UPDATE project SET open_issues = open_issues - 1 WHERE id = NEW.project_id;
	UPDATE issue SET closed_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
CREATE TRIGGER comment_audit AFTER DELETE ON comment
BEGIN
	INSERT INTO audit_log (table_name, row_id, action) VALUES ('comment', OLD.id, 'delete');
END;
INSERT INTO alembic_version VALUES ('4c2a9d1e7b30');
INSERT INTO user (id, username, email, is_admin) VALUES (1, 'susan', 'susan@example.test', 1), (2, 'john', 'john@example.test', 0);
INSERT INTO project (id, name, owner_id) VALUES (1, 'microblog', 1);
INSERT INTO issue (id, project_id, author_id, assignee_id, title, status, priority) VALUES (1, 1, 1, 2, 'Pagination', 'in_progress', 3), (2, 1, 2, NULL, 'Avatars', 'open', 1);
INSERT INTO comment (issue_id, author_id, body) VALUES (1, 2, 'Looking into it');
INSERT INTO label (name) VALUES ('bug'), ('ui');
INSERT INTO issue_labels VALUES (2, 2);
INSERT INTO followers VALUES (2, 1);
INSERT INTO api_token (user_id, token) VALUES (1, 'f00dfeed');
