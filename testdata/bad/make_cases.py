#!/usr/bin/env python3
"""Writes the CLI bad-input corpus under testdata/bad/<group>/<case>/.

Run it from anywhere after changing a case below; it rewrites every group
it owns (not testdata/bad/models/, the loader's corpus, which
tests/cli_bad.sh reuses as it is). Each case directory holds the project
files and an `expect` file read by tests/cli_bad.sh:

    args: upgrade abc          the command line after `schemadiff`
    exit: 2                    2 bad input, 3 database failure
    stderr: file.sql:4:        a fragment stderr must contain (repeatable)
    setup: upgrade +1          a schemadiff command run before the snapshot
                               (repeatable; must exit 0)

plus optionally setup.sql (fed to sqlite3 to create app.db) and setup.sh
(run with bash in the case's copy, for what git cannot store: FIFOs,
empty directories, files made unreadable).
"""
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
GROUPS = ["yaml", "config", "revisions", "targets", "urls", "database", "usage"]

CONFIG = """database: sqlite:///app.db
models: models.yaml
versions: migrations/versions
format: sql
version_table: schemadiff_version
"""

MODELS = """tables:
  - name: users
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: username, type: string(50), nullable: false}
"""

# A valid chain of three revisions, each with several statements.
A, B, C = "aaaa00000001", "bbbb00000002", "cccc00000003"


def rev(rid, parents, slug, up, down, created="2026-01-01T00:00:00Z",
        dialect="sqlite", message=None):
    return (f"migrations/versions/{rid}_{slug}.sql",
            f"-- {message or slug}\n--\n-- revision: {rid}\n"
            f"-- revises: {parents}\n-- created: {created}\n"
            f"-- dialect: {dialect}\n\n-- schemadiff:upgrade\n{up}\n\n"
            f"-- schemadiff:downgrade\n{down}\n")


def chain():
    return dict([
        rev(A, "", "users", 'CREATE TABLE "users" ("id" INTEGER PRIMARY KEY, "username" VARCHAR(50) NOT NULL);',
            'DROP TABLE "users";', "2026-01-01T00:00:00Z"),
        rev(B, A, "posts", 'CREATE TABLE "posts" ("id" INTEGER PRIMARY KEY, "title" TEXT);\n'
            'CREATE INDEX "ix_posts_title" ON "posts" ("title");',
            'DROP INDEX "ix_posts_title";\nDROP TABLE "posts";', "2026-01-02T00:00:00Z"),
        rev(C, B, "tags", 'CREATE TABLE "tags" ("id" INTEGER PRIMARY KEY);',
            'DROP TABLE "tags";', "2026-01-03T00:00:00Z"),
    ])


CASES = []


def case(group, name, args, exit, frags, files=None, config=CONFIG,
         models=MODELS, setup=(), setup_sql=None, setup_sh=None,
         versions=True):
    f = {}
    if config is not None:
        f["schemadiff.yaml"] = config
    if models is not None:
        f["models.yaml"] = models
    if versions:
        f["migrations/versions/.keep"] = ""
    for k, v in (files or {}).items():
        if v is None:
            f.pop(k, None)
        else:
            f[k] = v
    if setup_sql:
        f["setup.sql"] = setup_sql
    if setup_sh:
        f["setup.sh"] = setup_sh
    lines = [f"args: {args}", f"exit: {exit}"]
    lines += [f"setup: {s}" for s in setup]
    lines += [f"stderr: {s}" for s in ([frags] if isinstance(frags, str) else frags)]
    f["expect"] = "\n".join(lines) + "\n"
    CASES.append((group, name, f))


def models_case(name, text, frags, args="generate -m x", exit=2, **kw):
    case("yaml", name, args, exit, frags, models=text, **kw)


# ---------------------------------------------------------------- yaml --
T = "tables:\n  - name: users\n    columns:\n"
ID = "      - {name: id, type: integer, primary_key: true}\n"
models_case("unclosed_flow_mapping", T + "      - {name: id, type: integer\n",
            ["models.yaml:5:", "YAML syntax error"])
models_case("unclosed_flow_sequence", "enums:\n  - name: s\n    values: [a, b\n" + T + ID,
            "models.yaml:4:")
models_case("tab_indentation", T + ID + "\t- {name: x, type: text}\n", "models.yaml:5:")
models_case("bad_indentation", "tables:\n  - name: users\n   columns:\n" + ID, "models.yaml:3:")
models_case("unclosed_double_quote", T + ID + '      - {name: x, type: text, default: "abc}\n',
            "models.yaml:")
models_case("unclosed_single_quote", T + ID + "      - {name: x, type: 'text}\n", "models.yaml:")
models_case("top_level_scalar", "hello\n", "models.yaml:1:")
models_case("top_level_list", "- name: users\n", "models.yaml:1:")
models_case("tables_scalar", "tables: users\n", "models.yaml:1:")
models_case("tables_mapping", "tables: {name: users}\n", "models.yaml:1:")
models_case("columns_scalar_items", T.replace("columns:\n", "columns: [id, name]\n"),
            "models.yaml:3:")
models_case("primary_key_number", T + "      - {name: id, type: integer, primary_key: 3}\n",
            "models.yaml:4:")
models_case("nullable_list", T + ID + "      - {name: x, type: text, nullable: [a]}\n",
            "models.yaml:5:")
models_case("type_list", T + ID + "      - {name: x, type: [text]}\n", "models.yaml:5:")
models_case("default_mapping", T + ID + "      - {name: x, type: text, default: {a: 1}}\n",
            "models.yaml:5:")
models_case("enum_values_scalar", "enums:\n  - name: s\n    values: a\n" + T + ID,
            "models.yaml:3:")
models_case("enums_not_list", "enums: {name: s}\n" + T + ID, "models.yaml:1:")
models_case("indexes_not_list", T + ID + "    indexes: ix\n", "models.yaml:5:")
models_case("index_columns_scalar", T + ID + "    indexes:\n      - {name: ix, columns: id}\n",
            "models.yaml:6:")
models_case("binary_garbage", "tables:\n  - name: \x00\x01\xff\n", "models.yaml")
models_case("deep_nesting_100kb", "[" * 100000 + "\n",
            ["models.yaml:1:65:", "nested deeper than 64 levels"])
models_case("deep_nesting_mappings", T + "      - " + "{a: " * 25000 + "\n",
            ["models.yaml:4:", "nested deeper than 64 levels"])
models_case("undefined_alias", T + ID + "      - *nope\n", "models.yaml:5:")
models_case("duplicate_anchor",
            "tables:\n  - &a\n    name: users\n    columns:\n"
            "      - &a {name: id, type: integer}\n",
            ["models.yaml:5:9:", "duplicate anchor"])
models_case("duplicate_top_key", T + ID + T + ID, "models.yaml:")
models_case("unknown_column_key_generate", T + ID + "      - {name: x, type: text, nul: true}\n",
            "unknown key 'nul'")
models_case("unknown_type_generate", T + ID + "      - {name: x, type: integr}\n",
            ["models.yaml:5:", "unknown type 'integr'"])
models_case("string_zero_length", T + ID + "      - {name: x, type: string(0)}\n",
            ["models.yaml:5:", "string(0)"])
models_case("numeric_three_args", T + ID + "      - {name: x, type: 'numeric(1,2,3)'}\n",
            ["models.yaml:5:", "numeric(1,2,3)"])
models_case("unbalanced_type", T + ID + "      - {name: x, type: 'string(50'}\n",
            ["models.yaml:5:", "string(50"])
models_case("empty_type", T + ID + "      - {name: x, type: ''}\n", "models.yaml:5:")
models_case("bad_not_null_on_conflict",
            T + ID + "      - {name: x, type: text, nullable: false, not_null_on_conflict: skip}\n",
            ["models.yaml:5:", "not 'skip'"])
models_case("bad_sqlite_order",
            T + ID + "      - {name: x, type: text, sqlite_order: [default, default]}\n",
            ["models.yaml:5:", "each once"])
models_case("bad_unique_on_conflict",
            T + ID + "      - {name: x, type: text}\n    unique:\n      - {columns: [x], on_conflict: merge}\n",
            ["models.yaml:", "not 'merge'"])
models_case("duplicate_column_upgrade_check", T + ID + ID, "duplicate column 'id'", args="check")
models_case("fk_to_missing_column_check",
            T + ID + "      - {name: o, type: integer, references: users.nope}\n",
            ["models.yaml:5:", "users.nope"], args="check")
models_case("composite_pk_fk_mismatch",
            "tables:\n  - name: a\n    columns:\n      - {name: x, type: integer}\n"
            "      - {name: y, type: integer}\n    primary_key: [x, y]\n"
            "  - name: b\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
            "      - {name: ax, type: integer}\n"
            "    foreign_keys:\n      - {columns: [ax], references: {table: a, columns: [x]}}\n",
            ["models.yaml:12:", "neither the primary key nor unique"])
models_case("composite_fk_three_to_two",
            "tables:\n  - name: a\n    columns:\n      - {name: x, type: integer, nullable: false}\n"
            "      - {name: y, type: integer, nullable: false}\n    primary_key: [x, y]\n"
            "  - name: b\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
            "      - {name: p, type: integer}\n      - {name: q, type: integer}\n"
            "    foreign_keys:\n      - {columns: [id, p, q], references: {table: a, columns: [x, y]}}\n",
            ["models.yaml:13:", "3 columns but references 2"])
models_case("composite_pk_missing_column",
            T + ID.replace(", primary_key: true", "") + "    primary_key: [id, tenant]\n",
            ["models.yaml:", "tenant"])
models_case("check_expression_list",
            T + ID + "    checks:\n      - {name: ck, expression: [a]}\n", "models.yaml:6:")
models_case("models_dir_bad_file", None, ["bad.yaml:", "unknown key"],
            files={"models/a.yaml": "tables:\n  - name: a\n    columns:\n" + ID,
                   "models/bad.yaml": "tables:\n  - name: b\n    colums: []\n"},
            config=CONFIG.replace("models.yaml", "models"))
models_case("models_dir_duplicate_across_files", None, ["duplicate table 'a'"],
            files={"models/a.yaml": "tables:\n  - name: a\n    columns:\n" + ID,
                   "models/b.yaml": "tables:\n  - name: a\n    columns:\n" + ID},
            config=CONFIG.replace("models.yaml", "models"))
models_case("models_missing_file", None, "nope.yaml",
            config=CONFIG.replace("models.yaml", "nope.yaml"))
models_case("models_dangling_symlink", None, "models.yaml",
            setup_sh="ln -s does-not-exist.yaml models.yaml\n")
models_case("models_fifo", None, "models.yaml",
            setup_sh="rm -f models.yaml; mkdir models.yaml.d; ln -s /dev/null/x models.yaml\n")
models_case("schema_name_too_long",
            "tables:\n  - name: t\n    schema: " + "s" * 64 + "\n    columns:\n" + ID,
            ["models.yaml:", "longer than 63 bytes"])
models_case("enum_name_too_long",
            "enums:\n  - name: " + "e" * 64 + "\n    values: [a]\n" + T + ID,
            ["models.yaml:2:", "longer than 63 bytes"])
models_case("table_name_too_long",
            "tables:\n  - name: " + "t" * 64 + "\n    columns:\n" + ID,
            ["models.yaml:2:", "longer than 63 bytes"])
models_case("constraint_name_too_long",
            T + ID + "    checks:\n      - {name: " + "c" * 64 + ", expression: id > 0}\n",
            ["models.yaml:6:", "longer than 63 bytes"])
models_case("unknown_key_in_unique", T + ID + "    unique:\n      - {colums: [id]}\n",
            ["models.yaml:6:", "unknown key 'colums'"])
models_case("unknown_key_in_check", T + ID + "    checks:\n      - {name: c, expr: id > 0}\n",
            ["models.yaml:6:", "unknown key 'expr'"])

# -------------------------------------------------------------- config --
def config_case(name, text, frags, args="check", exit=2, **kw):
    case("config", name, args, exit, frags, config=text, **kw)


config_case("unknown_key", CONFIG + "verions: x\n", ["schemadiff.yaml:6:", "unknown key 'verions'"])
config_case("unknown_naming_key", CONFIG + "naming:\n  idx: \"i_%(table)\"\n",
            ["schemadiff.yaml:7:", "unknown key 'idx'"])
config_case("bad_format", CONFIG.replace("format: sql", "format: python"),
            ["schemadiff.yaml:4:", "python"])
config_case("bad_format_generate", CONFIG.replace("format: sql", "format: SQL"),
            ["schemadiff.yaml:4:", "SQL"], args="generate -m x")
config_case("naming_unknown_placeholder", CONFIG + "naming:\n  ix: \"ix_%(tabel)\"\n",
            ["schemadiff.yaml:7:", "tabel"])
config_case("naming_unclosed_placeholder", CONFIG + "naming:\n  pk: \"pk_%(table\"\n",
            ["schemadiff.yaml:7:"])
config_case("naming_misspelt_placeholder", CONFIG + "naming:\n  fk: \"fk_%(table)_%(reftable)\"\n",
            ["schemadiff.yaml:7:", "reftable"])
config_case("naming_not_mapping", CONFIG + "naming: [a]\n", ["schemadiff.yaml:6:"])
config_case("ignore_not_list", CONFIG + "ignore: 3\n", ["schemadiff.yaml:"])
config_case("database_list", CONFIG.replace("database: sqlite:///app.db", "database: [a]"),
            ["schemadiff.yaml:1:"])
config_case("broken_yaml", CONFIG + "naming: {pk: \n", ["schemadiff.yaml:"])
config_case("top_level_list", "- database: x\n", ["schemadiff.yaml:1:"])
config_case("top_level_scalar", "sqlite:///app.db\n", ["schemadiff.yaml:1:"])
config_case("duplicate_key", CONFIG + "format: c\n", ["schemadiff.yaml:6:", "format"])
config_case("versions_is_a_file", CONFIG.replace("migrations/versions", "models.yaml"),
            ["models.yaml"], args="history")
config_case("explicit_config_missing", CONFIG, "nope.yaml", args="-c nope.yaml check")
config_case("explicit_config_directory", CONFIG, "conf.d", args="-c conf.d check",
            setup_sh="mkdir conf.d\n")
config_case("config_binary", "\x00\x01\x02garbage\xff\n", "schemadiff.yaml")
config_case("config_unknown_key_upgrade", CONFIG + "databse: sqlite:///other.db\n",
            ["schemadiff.yaml:6:", "databse"], args="upgrade", files=chain())
config_case("deep_nesting_100kb", CONFIG + "ignore: " + "[" * 100000 + "\n",
            ["schemadiff.yaml:6:", "nested deeper than 64 levels"])
config_case("ignore_item_mapping", CONFIG + "ignore:\n  - {a: b}\n", ["schemadiff.yaml:7:"])

# ----------------------------------------------------------- revisions --
def rev_case(name, files, frags, args="history", exit=2, with_chain=True, **kw):
    f = chain() if with_chain else {}
    f.update(files)
    case("revisions", name, args, exit, frags, files=f, **kw)


P = "migrations/versions/"
rev_case("truncated_header", {P + "dddd00000004_cut.sql": "-- Cut\n--\n-- revi"},
         "dddd00000004_cut.sql")
rev_case("empty_file", {P + "dddd00000004_empty.sql": ""}, "dddd00000004_empty.sql")
rev_case("no_revision_line", {P + "dddd00000004_x.sql": "-- X\n--\n-- revises: " + C +
                              "\n\n-- schemadiff:upgrade\nSELECT 1;\n"},
         "dddd00000004_x.sql")
rev_case("uppercase_id", {P + "DDDD00000004_x.sql": rev("DDDD00000004", C, "x", "SELECT 1;", "SELECT 1;")[1]},
         ["DDDD00000004_x.sql:", "DDDD00000004"])
rev_case("short_id", {P + "dddd0000004_x.sql": rev("dddd0000004", C, "x", "SELECT 1;", "SELECT 1;")[1]},
         ["dddd0000004_x.sql:", "dddd0000004"])
rev_case("bad_parent_id", dict([rev("dddd00000004", "cccc0003", "x", "SELECT 1;", "SELECT 1;")]),
         ["dddd00000004_x.sql:4:", "cccc0003"])
rev_case("parent_listed_twice", dict([rev("dddd00000004", f"{C}, {C}", "x", "SELECT 1;", "SELECT 1;")]),
         ["dddd00000004_x.sql:4:", "listed twice"])
rev_case("duplicate_id", {P + f"{B}_copy.sql": rev(B, A, "copy", "SELECT 1;", "SELECT 1;")[1]},
         [f"{B}_posts.sql:3: duplicate revision id " + B, f"{B}_copy.sql:3)"])
rev_case("duplicate_id_upgrade", {P + f"{B}_copy.sql": rev(B, A, "copy", "SELECT 1;", "SELECT 1;")[1]},
         ["duplicate revision id " + B], args="upgrade")
rev_case("missing_parent", dict([rev("dddd00000004", "999999999999", "orphan", "SELECT 1;", "SELECT 1;")]),
         ["dddd00000004_orphan.sql:4:", "999999999999"])
rev_case("missing_parent_upgrade", dict([rev("dddd00000004", "999999999999", "orphan", "SELECT 1;", "SELECT 1;")]),
         ["dddd00000004_orphan.sql:4:", "999999999999"], args="upgrade")
rev_case("cycle_two", dict([rev("eeee00000001", "eeee00000002", "l1", "SELECT 1;", "SELECT 1;"),
                            rev("eeee00000002", "eeee00000001", "l2", "SELECT 1;", "SELECT 1;")]),
         ["eeee00000001_l1.sql:4:", "eeee00000001 revises eeee00000002, which revises eeee00000001: a cycle"])
rev_case("cycle_self", dict([rev("eeee00000001", "eeee00000001", "self", "SELECT 1;", "SELECT 1;")]),
         ["eeee00000001_self.sql:4:", "eeee00000001 revises eeee00000001: a cycle"])
rev_case("cycle_three", dict([rev("eeee00000001", "eeee00000003", "l1", "SELECT 1;", "SELECT 1;"),
                              rev("eeee00000002", "eeee00000001", "l2", "SELECT 1;", "SELECT 1;"),
                              rev("eeee00000003", "eeee00000002", "l3", "SELECT 1;", "SELECT 1;")]),
         ["eeee00000001_l1.sql:4:", "revises eeee00000003, which revises eeee00000002, which revises eeee00000001"],
         args="upgrade")
rev_case("cycle_heads", dict([rev("eeee00000001", "eeee00000002", "l1", "SELECT 1;", "SELECT 1;"),
                              rev("eeee00000002", "eeee00000001", "l2", "SELECT 1;", "SELECT 1;")]),
         "cycle", args="heads")
rev_case("binary_revision", {P + "dddd00000004_bin.sql": "\x00\x01\x02\xff\xfe"}, "dddd00000004_bin.sql")
rev_case("directory_as_revision", {}, "dddd00000004_dir.sql",
         setup_sh="mkdir migrations/versions/dddd00000004_dir.sql\n")
rev_case("dangling_symlink_revision", {}, "dddd00000004_link.sql",
         setup_sh="ln -s nowhere.sql migrations/versions/dddd00000004_link.sql\n")
rev_case("missing_upgrade_marker",
         {P + "dddd00000004_x.sql": rev("dddd00000004", C, "x", "SELECT 1;", "SELECT 1;")[1].replace("-- schemadiff:upgrade\n", "")},
         "dddd00000004_x.sql", args="upgrade")
rev_case("missing_downgrade_marker",
         {P + "dddd00000004_x.sql": rev("dddd00000004", C, "x", "SELECT 1;", "SELECT 1;")[1].split("-- schemadiff:downgrade")[0]},
         ["dddd00000004_x.sql", "schemadiff:downgrade"], args="upgrade")
rev_case("missing_downgrade_marker_later",
         {P + "dddd00000004_x.sql": rev("dddd00000004", C, "x", "SELECT 1;", "SELECT 1;")[1].split("-- schemadiff:downgrade")[0]},
         ["dddd00000004_x.sql", "schemadiff:downgrade"], args="upgrade", setup=("upgrade " + A,),
         setup_sql="CREATE TABLE keep (x);\nINSERT INTO keep VALUES (1);\n")
rev_case("unknown_header_key",
         {P + "dddd00000004_x.sql": rev("dddd00000004", C, "x", "SELECT 1;", "SELECT 1;")[1].replace("-- dialect:", "-- dialectt: sqlite\n-- dialect:")},
         ["dddd00000004_x.sql:", "dialectt"])
rev_case("unknown_dialect",
         dict([rev("dddd00000004", C, "x", "SELECT 1;", "SELECT 1;", dialect="oracle")]),
         ["dddd00000004_x.sql:6:", "oracle"], args="upgrade")
rev_case("bad_transaction_value",
         {P + "dddd00000004_x.sql": rev("dddd00000004", C, "x", "SELECT 1;", "SELECT 1;")[1].replace("-- dialect: sqlite", "-- dialect: sqlite\n-- transaction: maybe")},
         ["dddd00000004_x.sql:7:", "maybe"])
rev_case("c_revision_unclosed_comment",
         {P + "dddd00000004_x.c": "/* X\n *\n * revision: dddd00000004\n * revises: " + C + "\n"},
         "dddd00000004_x.c")
rev_case("c_revision_no_header", {P + "dddd00000004_x.c": "int upgrade(void) { return 0; }\n"},
         "dddd00000004_x.c")
case("revisions", "versions_dir_is_a_file", "upgrade", 2, "migrations/versions",
     files={"migrations/versions": "not a directory\n"}, versions=False)
rev_case("failing_statement_line",
         dict([rev("dddd00000004", C, "broken", 'CREATE TABLE "half" ("x" INTEGER);\nINSERT INTO "nope" VALUES (1);', 'DROP TABLE "half";')]),
         ["dddd00000004_broken.sql:10:", "nope"], args="upgrade", exit=3, setup=("upgrade " + C,),
         setup_sql='CREATE TABLE keep (x); INSERT INTO keep VALUES (1), (2);\n')
rev_case("failing_downgrade_line",
         dict([rev("dddd00000004", C, "broken", 'CREATE TABLE "half" ("x" INTEGER);', 'DROP TABLE "half";\nDROP TABLE "nope";')]),
         ["dddd00000004_broken.sql:13:", "nope"], args="downgrade", exit=3, setup=("upgrade",))
rev_case("fk_violation_on_commit",
         dict([rev("dddd00000004", C, "fkbad",
                   'CREATE TABLE "child" ("id" INTEGER PRIMARY KEY, "u" INTEGER REFERENCES "users" ("id"));\n'
                   'INSERT INTO "child" VALUES (1, 999);', 'DROP TABLE "child";')]),
         ["dddd00000004_fkbad.sql", "foreign key"], args="upgrade", exit=3, setup=("upgrade " + C,))
rev_case("c_revision_without_compiler",
         {P + "dddd00000004_x.c": "/* X\n *\n * revision: dddd00000004\n * revises: " + C +
          "\n * created: 2026-01-04T00:00:00Z\n */\nthis is not C;\n"},
         ["dddd00000004_x.c:"], args="upgrade", exit=2)
rev_case("show_truncated", {P + "dddd00000004_cut.sql": "-- Cut\n--\n-- revision: dddd"},
         "dddd00000004_cut.sql", args="show " + A)
rev_case("current_with_broken_file", {P + "dddd00000004_cut.sql": "-- Cut\n"},
         "dddd00000004_cut.sql", args="current", setup_sql="CREATE TABLE keep (x);\n")
rev_case("merge_with_broken_file", {P + "dddd00000004_cut.sql": "-- Cut\n"},
         "dddd00000004_cut.sql", args="merge -m m heads")
rev_case("revision_cmd_with_broken_file", {P + "dddd00000004_cut.sql": "-- Cut\n"},
         "dddd00000004_cut.sql", args="revision -m x")
rev_case("generate_with_broken_file", {P + "dddd00000004_cut.sql": "-- Cut\n"},
         "dddd00000004_cut.sql", args="generate -m x")
rev_case("stamp_with_cycle", dict([rev("eeee00000001", "eeee00000002", "l1", "SELECT 1;", "SELECT 1;"),
                                   rev("eeee00000002", "eeee00000001", "l2", "SELECT 1;", "SELECT 1;")]),
         "cycle", args="stamp head")
rev_case("empty_revision_id_line",
         {P + "dddd00000004_x.sql": rev("dddd00000004", C, "x", "SELECT 1;", "SELECT 1;")[1].replace("-- revision: dddd00000004", "-- revision:")},
         "dddd00000004_x.sql:")

# -------------------------------------------------------------- targets --
def target_case(name, args, frags, exit=2, setup=("upgrade " + B,), files=None, **kw):
    f = chain()
    f.update(files or {})
    case("targets", name, args, exit, frags, files=f, setup=setup, **kw)


AMB = dict([rev("abc000000001", C, "amb1", "SELECT 1;", "SELECT 1;", "2026-01-04T00:00:00Z"),
            rev("abc000000002", "abc000000001", "amb2", "SELECT 1;", "SELECT 1;", "2026-01-05T00:00:00Z")])
BRANCH = dict([rev("dddd00000004", B, "branch", "SELECT 1;", "SELECT 1;", "2026-01-04T00:00:00Z")])
target_case("unknown_revision", "upgrade 123456789abc", "123456789abc")
target_case("unknown_prefix", "upgrade ffff", "ffff")
target_case("ambiguous_prefix", "upgrade abc", ["abc000000001", "abc000000002"], files=AMB)
target_case("ambiguous_prefix_downgrade", "downgrade abc", ["abc000000001", "abc000000002"],
            files=AMB, setup=("upgrade",))
target_case("ambiguous_prefix_stamp", "stamp abc", ["abc000000001", "abc000000002"], files=AMB)
target_case("ambiguous_prefix_show", "show abc", ["abc000000001", "abc000000002"], files=AMB)
target_case("upgrade_past_head", "upgrade +5", "up 5 revisions")
target_case("downgrade_below_base", "downgrade -5", "down 5 revisions")
target_case("relative_garbage", "upgrade +x", "+x")
target_case("relative_zero_garbage", "upgrade +1x", "+1x")
target_case("downgrade_to_newer", "downgrade " + C, C)
target_case("downgrade_head_when_below", "downgrade " + C, C, setup=("upgrade " + A,))
target_case("range_without_sql", f"upgrade {A}:{C}", "--sql")
target_case("range_unknown_from", f"upgrade 999999999999:{C} --sql", "999999999999")
target_case("range_unknown_to", f"upgrade {A}:999999999999 --sql", "999999999999")
target_case("two_targets", f"upgrade {A} {B}", "one TARGET")
target_case("head_with_two_heads", "upgrade head", "heads", files=BRANCH)
target_case("downgrade_one_with_two_heads", "downgrade -1", "heads", files=BRANCH,
            setup=("upgrade heads",))
target_case("stamp_unknown", "stamp 123456789abc", "123456789abc")
target_case("stamp_two_args", f"stamp {A} {B}", "exactly one")
target_case("stamp_head_with_two_heads", "stamp head", "heads", files=BRANCH)
target_case("show_unknown", "show 123456789abc", "123456789abc")
target_case("show_no_arg", "show", "show")
target_case("history_bad_range", "history -r nope:head", "nope")
target_case("history_range_unknown_to", "history -r base:123456789abc", "123456789abc")
target_case("merge_one_revision", f"merge -m m {A}", "merge")
target_case("merge_unknown_revision", f"merge -m m {C} 123456789abc", "123456789abc", files=BRANCH)
target_case("merge_single_head", "merge -m m heads", "head")
target_case("merge_ancestor", f"merge -m m {A} {C}", [A])
target_case("empty_target", "upgrade ''", "")
target_case("generate_not_at_head", "generate -m x", "upgrade")
target_case("generate_several_heads", "generate -m x", "merge", files=BRANCH, setup=("upgrade heads",))
target_case("sql_downgrade_base_offline_unknown", "downgrade 123456789abc:base --sql", "123456789abc")
target_case("sql_range_ambiguous_from", f"upgrade abc:{C} --sql", ["abc000000001"], files=AMB)
# refused before the database is opened: no app.db appears
target_case("upgrade_past_head_no_database", "upgrade +5", "up 5 revisions", setup=())
target_case("stamp_ambiguous_no_database", "stamp abc", ["abc000000001", "abc000000002"], files=AMB, setup=())
target_case("upgrade_head_with_two_heads_no_database", "upgrade head", "heads", files=BRANCH, setup=())
case("targets", "stamp_head_no_revisions", "stamp head", 2, ["no revisions", "nothing to stamp"])
case("targets", "generate_empty_models_drops_all", "generate -m x", 2,
     ["models.yaml: the models declare no table", "--allow-empty"],
     files=chain(), models="tables: []\n", setup=("upgrade",))

# ----------------------------------------------------------------- urls --
def url_case(name, url, frags, args="current", exit=2, how="flag", **kw):
    cfg = CONFIG
    if how == "flag":
        a = f"--database '{url}' {args}"
    elif how == "after":
        a = f"{args} --database='{url}'"
    else:
        cfg = CONFIG.replace("sqlite:///app.db", f"'{url}'")
        a = args
    case("urls", name, a, exit, frags, config=cfg, files=chain(), **kw)


url_case("unknown_scheme", "mysql://u@h/db", "mysql://u@h/db")
url_case("unknown_scheme_config", "oracle://h/db", ["oracle://h/db"], how="config")
url_case("unknown_scheme_upgrade", "mongodb://h/db", "mongodb://h/db", args="upgrade")
url_case("http_url", "http://example.invalid/db", "http://", args="check")
url_case("no_scheme", "app.db", "app.db")
url_case("sqlite_two_slashes", "sqlite://app.db", "sqlite://app.db")
url_case("sqlite_empty_path", "sqlite:///", "sqlite:///")
url_case("sqlite_empty_path_config", "sqlite:///", "sqlite:///", how="config", args="upgrade")
url_case("empty_url", "", "database")
url_case("postgres_unterminated_ipv6", "postgresql://[::1/db", "postgresql://[::1/db")
url_case("postgres_bad_percent", "postgresql://u@h/d%zz", "postgresql://u@h/d%zz", args="check")
url_case("postgres_refused", "postgresql://u@127.0.0.1:1/db", "127.0.0.1", exit=3)
url_case("postgres_refused_upgrade", "postgresql://u@127.0.0.1:1/db", "127.0.0.1", exit=3, args="upgrade")
url_case("postgres_refused_check", "postgres://u@127.0.0.1:1/db", "127.0.0.1", exit=3, args="check")
url_case("postgres_refused_generate", "postgresql://u@127.0.0.1:1/db", "127.0.0.1", exit=3,
         args="generate -m x")
url_case("postgres_refused_dump", "postgresql://u@127.0.0.1:1/db", "127.0.0.1", exit=3, args="dump")
url_case("postgres_refused_stamp", "postgresql://u@127.0.0.1:1/db", "127.0.0.1", exit=3, args="stamp head")
url_case("postgres_unknown_socket_dir", "postgresql:///db?host=/nonexistent-dir", "cannot connect", exit=3)
url_case("postgres_unknown_param", "postgresql://u@127.0.0.1:1/db?bogus=1", "bogus")
url_case("diff_bad_from", "sqlite:///app.db", "mysql://x", args="diff --from mysql://x --to models.yaml", how="config")
url_case("diff_missing_models", "sqlite:///app.db", "nope.yaml", args="diff --from sqlite:///app.db --to nope.yaml",
         how="config")
url_case("sql_offline_unknown_scheme", "mysql://h/db", "mysql://h/db", args=f"upgrade base:{C} --sql",
         how="config")

# ------------------------------------------------------------- database --
def db_case(name, args, frags, exit=3, **kw):
    kw.setdefault("files", chain())
    case("database", name, args, exit, frags, **kw)


db_case("not_sqlite_text", "current", "app.db", files=dict(chain(), **{"app.db": "hello, I am not a database\n" * 20}))
db_case("not_sqlite_text_upgrade", "upgrade", "app.db", files=dict(chain(), **{"app.db": "x" * 4096}))
db_case("not_sqlite_text_check", "check", "app.db", files=dict(chain(), **{"app.db": "x" * 4096}))
db_case("not_sqlite_text_generate", "generate -m x", "app.db", files=dict(chain(), **{"app.db": "x" * 4096}))
db_case("not_sqlite_text_dump", "dump", "app.db", files=dict(chain(), **{"app.db": "x" * 4096}))
db_case("not_sqlite_text_stamp", "stamp head", "app.db", files=dict(chain(), **{"app.db": "x" * 4096}))
db_case("sqlite_header_truncated", "upgrade", "app.db",
        files=dict(chain(), **{"app.db": "SQLite format 3\x00" + "\x10\x00\x01\x01"}))
db_case("database_is_directory", "upgrade", "app.db", setup_sh="mkdir app.db\n")
db_case("database_in_missing_directory", "upgrade", "nodir",
        config=CONFIG.replace("sqlite:///app.db", "sqlite:///nodir/app.db"))
VT_UNKNOWN = "CREATE TABLE schemadiff_version (revision VARCHAR(32) NOT NULL PRIMARY KEY);\nINSERT INTO schemadiff_version VALUES ('123456789abc');\n"
db_case("version_unknown_revision", "upgrade", "123456789abc", exit=2, setup_sql=VT_UNKNOWN)
db_case("version_unknown_revision_current", "current", "123456789abc", exit=2, setup_sql=VT_UNKNOWN)
db_case("version_unknown_revision_downgrade", "downgrade", "123456789abc", exit=2, setup_sql=VT_UNKNOWN)
db_case("version_unknown_revision_generate", "generate -m x", "123456789abc", exit=2, setup_sql=VT_UNKNOWN)
db_case("version_unknown_revision_sql", "upgrade --sql", "123456789abc", exit=2, setup_sql=VT_UNKNOWN)
db_case("version_unknown_revision_stamp_relative", "downgrade -1 --sql", "123456789abc", exit=2,
        setup_sql=VT_UNKNOWN)
db_case("version_garbage_row", "upgrade", "not-a-revision", exit=2,
        setup_sql="CREATE TABLE schemadiff_version (revision VARCHAR(32) NOT NULL PRIMARY KEY);\n"
                  "INSERT INTO schemadiff_version VALUES ('not-a-revision');\n")
db_case("version_table_wrong_shape", "upgrade", "schemadiff_version", exit=2,
        setup_sql="CREATE TABLE schemadiff_version (x INTEGER);\nINSERT INTO schemadiff_version VALUES (1);\n")
db_case("version_table_is_view", "upgrade", "schemadiff_version",
        setup_sql="CREATE VIEW schemadiff_version AS SELECT 'zzz' AS x;\n")
db_case("table_already_exists", "upgrade", ["aaaa00000001_users.sql:9:", "users"],
        setup_sql="CREATE TABLE users (id INTEGER PRIMARY KEY, legacy TEXT);\nINSERT INTO users VALUES (1, 'keep me');\n")
db_case("second_revision_fails_first_kept_out", "upgrade", ["bbbb00000002_posts.sql:9:", "posts"],
        setup=("upgrade " + A,), setup_sql="CREATE TABLE posts (id INTEGER);\nINSERT INTO posts VALUES (7);\n")
db_case("downgrade_drop_missing_table", "downgrade", ["cccc00000003_tags.sql:", "tags"],
        setup=("upgrade",), setup_sh="sqlite3 app.db 'DROP TABLE tags'\n")
db_case("read_only_database_file_locked", "upgrade", "app.db",
        setup_sql="CREATE TABLE keep (x);\n",
        setup_sh="sqlite3 app.db 'PRAGMA journal_mode' >/dev/null; mkdir app.db-journal\n")
db_case("multiple_version_rows_unknown", "current", "123456789abd", exit=2, setup=("upgrade " + A,),
        setup_sh="sqlite3 app.db \"INSERT INTO schemadiff_version VALUES ('123456789abd')\"\n")

# ---------------------------------------------------------------- usage --
def usage_case(name, args, frags, exit=2, **kw):
    case("usage", name, args, exit, frags, files=chain(), **kw)


usage_case("unknown_command", "upgarde", ["unknown command 'upgarde'", "upgrade"])
usage_case("unknown_global_option", "--databse x current", "--databse")
usage_case("unknown_command_option", "upgrade --sqll", "--sqll")
usage_case("generate_without_message", "generate", "-m")
usage_case("generate_message_without_value", "generate -m", "-m")
usage_case("generate_empty_message", "generate -m ''", "message")
usage_case("generate_bad_format", "generate -m x --format java", "java")
usage_case("revision_without_message", "revision", "-m")
usage_case("merge_without_message", "merge heads", "-m")
usage_case("color_bad_value", "--color sometimes current", "sometimes")
usage_case("database_without_value", "current --database", "--database")
usage_case("config_without_value", "-c", "-c")
usage_case("help_unknown_command", "help nope", "nope")
usage_case("check_extra_argument", "check now", "now")
usage_case("current_extra_argument", "current x", "current")
usage_case("flag_with_value", "upgrade --sql=yes", "--sql")
usage_case("diff_without_to", "diff --from models.yaml", "--to")
usage_case("diff_without_from", "diff --to models.yaml", "--from")
usage_case("init_bad_format", "init --format rust", "rust")
usage_case("history_bad_option", "history --rev", "--rev")
usage_case("dump_extra_argument", "dump out.yaml", "dump takes no arguments")
usage_case("heads_extra_argument", "heads x", "heads")
usage_case("branches_json_unknown", "branches --jsonn", "--jsonn")
usage_case("stamp_no_argument", "stamp", "stamp")
usage_case("migrate", "migrate", ["unknown command 'migrate'", "did you mean `generate`?"])
usage_case("diff_from_versions_dir", "diff --from migrations/versions --to models.yaml",
           ["migrations/versions", "versions directory"])
usage_case("diff_to_directory_without_models", "diff --from models.yaml --to migrations",
           ["migrations", "no models file"])
for cmd in ("upgrade", "downgrade", "stamp head", "generate -m x", "revision -m x", "merge -m x heads"):
    case("usage", "outside_project_" + cmd.split()[0], cmd, 2,
         ["needs a project: no schemadiff.yaml found", "run schemadiff init, or pass -c"],
         config=None, models=None, versions=False)


def main():
    for g in GROUPS:
        shutil.rmtree(os.path.join(ROOT, g), ignore_errors=True)
    seen = set()
    for group, name, files in CASES:
        key = (group, name)
        if key in seen:
            sys.exit(f"duplicate case {group}/{name}")
        seen.add(key)
        base = os.path.join(ROOT, group, name)
        for rel, text in files.items():
            p = os.path.join(base, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as fh:
                fh.write(text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text)
    print(f"{len(CASES)} cases")


if __name__ == "__main__":
    main()
