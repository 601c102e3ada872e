/*
 * pg_zero.c - a value of each type for rows that must get one.
 *
 * A NOT NULL column without default that a database-to-database diff adds
 * to a table holding rows gets a value of its type through a temporary
 * default (diff/columns.c); the differ knows one for the portable types.
 * For every other type of such a column (arrays, network and geometric
 * types, ranges, bit strings, enums, composites, domains, an extension's
 * types...) the server says what it accepts: a few literals fitting the
 * type's category are cast to it in turn (a domain checks its constraints
 * and may refuse them all: then there is none, and the diff warns), and
 * the first one accepted comes back as the server prints it. One DO block
 * and its answer, in one round trip, only when such a column exists.
 */
#include "introspect/pg_read.h"

#include <string.h>

#include "util/sql.h"

/*
 * The DO block: for each type text of the array that follows it (%s),
 * the accepted literal, the pairs left in the setting schemadiff.zeros
 * (of the transaction) that the SELECT after it reads.
 */
static const char zero_do[] =
	"DO $schemadiff$\n"
	"DECLARE\n"
	"    ty text;\n"
	"    tp record;\n"
	"    cand text;\n"
	"    lit text;\n"
	"    cands text[];\n"
	"    found text[] := '{}';\n"
	"BEGIN\n"
	"    PERFORM set_config('client_min_messages', 'warning', true);\n"
	"    FOREACH ty IN ARRAY %s LOOP\n"
	"        BEGIN\n"
	"            SELECT * INTO tp FROM pg_type WHERE oid = ty::regtype;\n"
	"        EXCEPTION WHEN OTHERS THEN\n"
	"            CONTINUE;\n"
	"        END;\n"
	"        WHILE tp.typtype = 'd' LOOP\n"
	"            SELECT * INTO tp FROM pg_type WHERE oid = tp.typbasetype;\n"
	"        END LOOP;\n"
	"        cands := CASE\n"
	"            WHEN tp.typtype = 'e' THEN ARRAY(SELECT quote_literal(enumlabel) FROM pg_enum\n"
	"                                            WHERE enumtypid = tp.oid ORDER BY enumsortorder LIMIT 1)\n"
	"            WHEN tp.typtype = 'c' THEN ARRAY[quote_literal('(' || repeat(',', greatest((\n"
	"                SELECT count(*) FROM pg_attribute WHERE attrelid = tp.typrelid\n"
	"                AND attnum > 0 AND NOT attisdropped)::integer - 1, 0)) || ')')]\n"
	"            WHEN tp.typcategory = 'A' THEN ARRAY['''{}''']\n"
	"            WHEN tp.typcategory = 'B' THEN ARRAY['false']\n"
	"            WHEN tp.typcategory = 'D' THEN ARRAY['''1970-01-01''', '''1970-01-01 00:00:00''', '''00:00:00''']\n"
	"            WHEN tp.typcategory = 'G' THEN ARRAY['''(0,0)''', '''((0,0))''', '''(0,0),(0,0)''',\n"
	"                                                 '''[(0,0),(0,0)]''', '''{1,-1,0}''', '''<(0,0),0>''']\n"
	"            WHEN tp.typcategory = 'I' THEN ARRAY['''0.0.0.0''']\n"
	"            WHEN tp.typcategory = 'N' THEN ARRAY['0', '''0''']\n"
	"            WHEN tp.typcategory = 'R' THEN ARRAY['''empty''', '''{}''']\n"
	"            WHEN tp.typcategory = 'S' THEN ARRAY['''''']\n"
	"            WHEN tp.typcategory = 'T' THEN ARRAY['''0''']\n"
	"            WHEN tp.typcategory = 'V' THEN ARRAY['0', '''''']\n"
	"            WHEN tp.typcategory = 'P' THEN '{}'\n"
	"            ELSE ARRAY['''''', '''{}''', '''0''', '''00000000-0000-0000-0000-000000000000''',\n"
	"                       '''00:00:00:00:00:00''', '''0/0''', '''()''', 'false']\n"
	"        END;\n"
	"        FOREACH cand IN ARRAY cands LOOP\n"
	"            BEGIN\n"
	"                EXECUTE format('SELECT quote_literal((%%s)::%%s::text)', cand, ty) INTO lit;\n"
	"                IF lit IS NOT NULL THEN\n"
	"                    found := found || ARRAY[ty, lit];\n"
	"                    EXIT;\n"
	"                END IF;\n"
	"            EXCEPTION WHEN OTHERS THEN\n"
	"                NULL;\n"
	"            END;\n"
	"        END LOOP;\n"
	"    END LOOP;\n"
	"    PERFORM set_config('schemadiff.zeros', found::text, true);\n"
	"END\n"
	"$schemadiff$;\n"
	"SELECT z[i], z[i + 1]\n"
	"FROM (SELECT current_setting('schemadiff.zeros', true)::text[] AS z) s,\n"
	"     generate_series(1, coalesce(array_length(z, 1), 0), 2) i";

/* Whether c must get a value per row when added, of a type the differ
 * knows no value of. */
static bool wants_zero(const sd_column *c)
{
	return !c->nullable && !c->default_value.sql && !sd_column_x(c)->generated.sql &&
	       c->identity == SD_IDENTITY_NONE &&
	       (c->type.kind == SD_T_RAW || c->type.kind == SD_T_ENUM);
}

/* c's type as the server reads it (enums: qualified, quoted). */
static const char *type_text(pg_read *r, const sd_column *c)
{
	sd_buf b = SD_BUF_INIT;
	const char *s;

	if (c->type.kind == SD_T_RAW)
		return c->type.name;
	sd_quote_ident_std(&b, c->type.enum_schema ? c->type.enum_schema
	                       : r->default_nsp ? r->default_nsp : "public");
	sd_buf_putc(&b, '.');
	sd_quote_ident_std(&b, c->type.name);
	s = sd_arena_strdup(r->tmp ? r->tmp : r->s->arena, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return s;
}

/* The types wanted, as a text[] literal of SQL into arr; how many. */
static size_t wanted_types(pg_read *r, sd_map *seen, sd_buf *arr)
{
	sd_buf list = SD_BUF_INIT;
	size_t i, k, n = 0;

	for (i = 0; i < r->s->ntables; i++) {
		const sd_table *t = r->s->tables[i];
		for (k = 0; k < t->ncolumns; k++) {
			const char *ty;
			if (!wants_zero(t->columns[k]))
				continue;
			ty = type_text(r, t->columns[k]);
			if (!ty || sd_map_get(seen, ty))
				continue;
			sd_map_put(seen, ty, (void *)ty);
			sd_buf_put(&list, n++ ? ", " : "");
			sd_quote_literal_std(&list, ty);
		}
	}
	if (n)
		sd_buf_printf(arr, "ARRAY[%s]::text[]", sd_buf_cstr(&list));
	sd_buf_free(&list);
	return n;
}

int sd_pgr_read_zeros(pg_read *r)
{
	sd_map *seen, *zeros;
	sd_arena *a;
	sd_buf arr = SD_BUF_INIT, sql = SD_BUF_INIT;
	PGresult *res;
	size_t i, k;
	int row;

	if (r->nsp_sql) /* the normaliser's scratch schemas */
		return SD_OK;
	a = r->tmp ? r->tmp : r->s->arena;
	seen = sd_map_new(a, 8);
	if (!wanted_types(r, seen, &arr)) {
		sd_buf_free(&arr);
		return SD_OK;
	}
	sd_pg_pipe_end(r->pipe);
	/* the catalog is read in a transaction of its own (sd_pg_introspect):
	 * the setting and any failure stay in a savepoint rolled back */
	sd_buf_put(&sql, "SAVEPOINT schemadiff_zero;\n");
	sd_buf_printf(&sql, zero_do, sd_buf_cstr(&arr));
	if (r->nqueries)
		(*r->nqueries)++;
	res = PQexec(r->conn, sd_buf_cstr(&sql));
	zeros = sd_map_new(a, 8);
	for (row = 0; PQresultStatus(res) == PGRES_TUPLES_OK &&
	              row < PQntuples(res);
	     row++)
		if (!PQgetisnull(res, row, 1))
			sd_map_put(zeros, PQgetvalue(res, row, 0),
			           sd_arena_strdup(r->s->arena,
			                           PQgetvalue(res, row, 1)));
	for (i = 0; i < r->s->ntables; i++) {
		sd_table *t = r->s->tables[i];
		for (k = 0; k < t->ncolumns; k++)
			if (wants_zero(t->columns[k])) {
				const char *z = sd_map_get(
					zeros, type_text(r, t->columns[k]));
				if (z)
					sd_column_xw(r->s->arena,
					             t->columns[k])->zero = z;
			}
	}
	PQclear(res);
	PQclear(PQexec(r->conn, "ROLLBACK TO SAVEPOINT schemadiff_zero;"
	                        " RELEASE SAVEPOINT schemadiff_zero"));
	sd_buf_free(&arr);
	sd_buf_free(&sql);
	return SD_OK;
}
