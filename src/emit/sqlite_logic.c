/*
 * sqlite_logic.c - SQLite's statements for views and triggers: the object
 * operations of the plan (SD_OP_CREATE/DROP/REPLACE_OBJECT) on them.
 *
 * SQLite has no CREATE OR REPLACE and no ALTER VIEW or ALTER TRIGGER: the
 * differ changes one by a drop and a create (caps.or_replace is false), and
 * the downgrade does the inverse. A view or trigger read from a catalog is
 * created again from the text SQLite kept (exactly what was there); one
 * from the models from its parts:
 *
 *     CREATE VIEW "v" ("a", "b") AS SELECT ...;
 *     CREATE TRIGGER "tr" AFTER UPDATE OF "a" ON "t" FOR EACH ROW
 *     WHEN new.a > 0
 *     BEGIN
 *       UPDATE u SET n = n + 1;
 *     END;
 */
#include "emit/dialect.h"
#include "model/logic.h"

#include <string.h>

/* text without the blanks and ';' it ends with */
static void put_trimmed(sd_buf *out, const char *text)
{
	size_t n = strlen(text);

	while (n && (strchr(" \t\r\n;", text[n - 1]) != NULL))
		n--;
	sd_buf_putn(out, text, n);
}

static void create_view(sd_buf *out, const sd_view *v)
{
	if (v->definition) {
		put_trimmed(out, v->definition);
		sd_buf_put(out, ";\n");
		return;
	}
	sd_buf_put(out, "CREATE VIEW ");
	sd_quote_ident_std(out, v->base.name);
	if (v->column_names.n) {
		sd_buf_put(out, " (");
		sd_emit_column_list(out, &sd_dialect_sqlite, &v->column_names);
		sd_buf_put(out, ")");
	}
	sd_buf_put(out, " AS ");
	put_trimmed(out, v->query.sql ? v->query.sql : "");
	sd_buf_put(out, ";\n");
}

/* A body's statements, each ending in ';' (the last one may not, as
 * written in the models). */
static void put_body(sd_buf *out, const char *body)
{
	size_t n = strlen(body), lead = strspn(body, " \t\r\n");

	while (n > lead && strchr(" \t\r\n", body[n - 1]) != NULL)
		n--;
	sd_buf_putn(out, body + lead, n - lead);
	if (n > lead && body[n - 1] != ';')
		sd_buf_put(out, ";");
}

static int create_trigger(sd_buf *out, const sd_trigger *t, sd_error *err)
{
	static const struct {
		unsigned bit;
		const char *word;
	} events[] = {{SD_TRIG_INSERT, "INSERT"},
	              {SD_TRIG_UPDATE, "UPDATE"},
	              {SD_TRIG_DELETE, "DELETE"}};
	size_t i;

	if (t->definition.sql) {
		put_trimmed(out, t->definition.sql);
		sd_buf_put(out, ";\n");
		return SD_OK;
	}
	for (i = 0; i < SD_ARRAY_LEN(events); i++)
		if (t->events == events[i].bit)
			break;
	if (i == SD_ARRAY_LEN(events) || !t->body || t->function)
		return sd_error_add(err, SD_EINPUT, NULL, 0, 0, t->base.name,
		                    "SQLite trigger '%s' needs one event "
		                    "(insert, update or delete) and a body",
		                    t->base.name);
	sd_buf_put(out, "CREATE TRIGGER ");
	sd_quote_ident_std(out, t->base.name);
	if (t->timing) {
		sd_buf_put(out, " ");
		for (const char *p = t->timing; *p; p++)
			sd_buf_putc(out, (char)(*p >= 'a' && *p <= 'z'
			                                ? *p - 'a' + 'A'
			                                : *p));
	}
	sd_buf_printf(out, " %s", events[i].word);
	if (t->columns.n) {
		sd_buf_put(out, " OF ");
		sd_emit_column_list(out, &sd_dialect_sqlite, &t->columns);
	}
	sd_buf_put(out, " ON ");
	sd_quote_ident_std(out, t->table);
	if (t->each_row)
		sd_buf_put(out, " FOR EACH ROW");
	if (t->when.sql) {
		sd_buf_put(out, "\nWHEN ");
		put_trimmed(out, t->when.sql);
	}
	sd_buf_put(out, "\nBEGIN\n");
	put_body(out, t->body);
	sd_buf_put(out, "\nEND;\n");
	return SD_OK;
}

static int drop_object(sd_buf *out, const sd_object *o, sd_error *err)
{
	if (o->kind != SD_OBJ_VIEW && o->kind != SD_OBJ_TRIGGER)
		return sd_error_add(err, SD_EINPUT, NULL, 0, 0, o->name,
		                    "SQLite has views and triggers only: "
		                    "'%s' is neither", o->name);
	sd_buf_put(out, o->kind == SD_OBJ_VIEW ? "DROP VIEW " : "DROP TRIGGER ");
	sd_quote_ident_std(out, o->name);
	sd_buf_put(out, ";\n");
	return SD_OK;
}

static int create_object(sd_buf *out, const sd_object *o, sd_error *err)
{
	if (o->kind == SD_OBJ_VIEW && !((const sd_view *)o)->materialized) {
		create_view(out, (const sd_view *)o);
		return SD_OK;
	}
	if (o->kind == SD_OBJ_TRIGGER)
		return create_trigger(out, (const sd_trigger *)o, err);
	return sd_error_add(err, SD_EINPUT, NULL, 0, 0, o->name,
	                    "SQLite has views and triggers only: "
		                    "'%s' is neither", o->name);
}

int sd_sqlite_emit_logic(sd_buf *out, const sd_op *op, sd_error *err)
{
	/* Nothing is replaced in place here: views are dropped and created
	 * (no OR REPLACE), and a trigger's enabled state, all the differ
	 * replaces of one, does not exist (SQLite triggers always fire). */
	if (op->kind == SD_OP_REPLACE_OBJECT)
		return SD_OK;
	if (op->kind == SD_OP_DROP_OBJECT)
		return drop_object(out, op->obj_old, err);
	return create_object(out, op->obj_new, err);
}
