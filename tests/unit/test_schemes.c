/* Tests of schemes, main and secondary themes, review states, notes,
 * coders, the change history with undo of every kind of change, and the
 * migration of a store written by schema version 1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "juan/store.h"
#include "juan/themes.h"
#include "search/search_private.h"
#include "util.h"

static int
setup(void **state)
{
	*state = fixture_new("schemes", "juan.db");
	return *state ? 0 : -1;
}

static int
teardown(void **state)
{
	return fixture_free(*state);
}

static int64_t
add_doc(struct store *s, const char *path, const char *text)
{
	struct doc d = {0};
	int64_t id;

	d.body_len = strlen(text);
	d.meta.title = (char *)text;
	d.meta.issuer = d.meta.date = d.meta.docno = "";
	d.meta.published = d.meta.topic = d.meta.source = "";
	assert_int_equal(store_put(s, path, text, strlen(text), &d, NULL,
				   &id), JUAN_OK);
	return id;
}

/* The id of the theme name (or key) in scheme (0: active). */
static int64_t
theme(struct store *s, int64_t scheme, const char *name)
{
	int64_t id = 0;

	assert_int_equal(store_theme_find(s, scheme, name, &id), JUAN_OK);
	return id;
}

static int64_t
load(struct store *s, const char *name, const char *tsv)
{
	struct theme_load_result res;
	struct theme_set set;
	char why[256];

	assert_int_equal(theme_set_parse(tsv, strlen(tsv), &set, why,
					 sizeof(why)), JUAN_OK);
	assert_int_equal(store_themes_load(s, name, &set, &res), JUAN_OK);
	theme_set_free(&set);
	return res.scheme;
}

static const char education[] =
	"义务教育\t\n高中教育\t\n职业教育\t\n";

/* The main theme, "+"-joined secondaries and state of doc in the active
 * scheme, as "main+sec1+sec2/state". */
static void
assert_tags(struct store *s, int64_t doc, const char *expect)
{
	struct doc_info info;
	char got[256];
	size_t i, len;

	assert_int_equal(store_doc_info(s, doc, &info), JUAN_OK);
	len = (size_t)snprintf(got, sizeof(got), "%s", info.theme_name);
	for (i = 0; i < info.nsecondary; i++)
		len += (size_t)snprintf(got + len, sizeof(got) - len, "+%s",
					info.secondary[i]);
	snprintf(got + len, sizeof(got) - len, "/%s",
		 tag_state_name(info.state));
	assert_string_equal(got, expect);
	doc_info_clear(&info);
}

static void
undo(struct store *s, struct change *c)
{
	change_clear(c);
	assert_int_equal(store_undo(s, c), JUAN_OK);
}

static void
test_two_schemes(void **state)
{
	struct fixture *f = *state;
	struct scheme_info *list;
	int64_t gov, edu, a, b, id;
	size_t n;
	char *name;

	a = add_doc(f->s, "/a.txt", "关于环境保护税的通知");
	b = add_doc(f->s, "/b.txt", "关于义务教育的意见");
	assert_int_equal(store_scheme_active(f->s, &gov), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, a, theme(f->s, 0, "财政、金融、审计")), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, b, theme(f->s, 0, "c")), JUAN_OK);

	/* a second scheme: created, not active; its own keys */
	edu = load(f->s, "education", education);
	assert_true(edu != gov);
	assert_int_equal(store_scheme_active(f->s, &id), JUAN_OK);
	assert_int_equal(id, gov);
	assert_int_equal(store_tag(f->s, edu, b, theme(f->s, edu, "1")),
			 JUAN_OK);
	/* a theme of another scheme is refused */
	assert_int_equal(store_tag(f->s, edu, a, theme(f->s, 0, "财政、金融、审计")),
			 JUAN_EINVAL);
	assert_int_equal(store_scheme_activate(f->s, edu), JUAN_OK);
	assert_tags(f->s, b, "义务教育/");
	assert_tags(f->s, a, "/");
	assert_int_equal(store_scheme_name(f->s, 0, &name), JUAN_OK);
	assert_string_equal(name, "education");
	free(name);
	/* back: every tag of the first is still there */
	assert_int_equal(store_scheme_activate(f->s, gov), JUAN_OK);
	assert_tags(f->s, a, "财政、金融、审计/");
	assert_tags(f->s, b, "科技、教育/");

	assert_int_equal(store_schemes(f->s, &list, &n), JUAN_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].name, "gov-topics");
	assert_true(list[0].active);
	assert_int_equal(list[0].tagged, 2);
	assert_int_equal(list[0].themes, 22);
	assert_string_equal(list[1].name, "education");
	assert_int_equal(list[1].tagged, 1);
	assert_int_equal(list[1].themes, 3);
	scheme_info_free(list, n);

	assert_int_equal(store_scheme_id(f->s, "nope", &edu), JUAN_ENOTFOUND);
	assert_non_null(strstr(store_error(f->s),
			       "(schemes: education, gov-topics)"));
	assert_int_equal(store_theme_find(f->s, gov, "没有", &edu),
			 JUAN_ENOTFOUND);
	assert_non_null(strstr(store_error(f->s), "c 科技、教育"));
}

static void
test_secondary_and_states(void **state)
{
	struct fixture *f = *state;
	struct change c = {0};
	int64_t a, fin, env, gen;

	a = add_doc(f->s, "/a.txt", "关于环境保护税的通知");
	fin = theme(f->s, 0, "财政、金融、审计");
	env = theme(f->s, 0, "城乡建设、环境保护");
	gen = theme(f->s, 0, "综合政务");
	assert_int_equal(store_tag(f->s, 0, a, fin), JUAN_OK);
	assert_int_equal(store_secondary(f->s, 0, a, env, true), JUAN_OK);
	assert_int_equal(store_secondary(f->s, 0, a, gen, true), JUAN_OK);
	/* the main theme is no secondary theme */
	assert_int_equal(store_secondary(f->s, 0, a, fin, true), JUAN_OK);
	assert_tags(f->s, a, "财政、金融、审计+综合政务+城乡建设、环境保护/");
	assert_int_equal(store_secondary(f->s, 0, a, gen, false), JUAN_OK);
	assert_tags(f->s, a, "财政、金融、审计+城乡建设、环境保护/");
	/* a secondary theme made main leaves the secondaries */
	assert_int_equal(store_tag(f->s, 0, a, env), JUAN_OK);
	assert_tags(f->s, a, "城乡建设、环境保护/");
	undo(f->s, &c);
	assert_int_equal(c.doc, a);
	assert_string_equal(c.field, "theme");
	assert_string_equal(c.old, "城乡建设、环境保护");
	assert_string_equal(c.now, "财政、金融、审计");
	assert_int_equal(c.rows, 2);
	assert_tags(f->s, a, "财政、金融、审计+城乡建设、环境保护/");

	/* unsure keeps the themes; none removes them, in one change */
	assert_int_equal(store_set_state(f->s, 0, a, TAG_STATE_UNSURE),
			 JUAN_OK);
	assert_tags(f->s, a, "财政、金融、审计+城乡建设、环境保护/unsure");
	assert_int_equal(store_set_state(f->s, 0, a, TAG_STATE_NONE), JUAN_OK);
	assert_tags(f->s, a, "/none");
	undo(f->s, &c);
	assert_int_equal(c.rows, 3);
	assert_tags(f->s, a, "财政、金融、审计+城乡建设、环境保护/unsure");
	assert_int_equal(store_redo(f->s, NULL), JUAN_OK);
	assert_tags(f->s, a, "/none");
	/* a theme ends "none" */
	assert_int_equal(store_tag(f->s, 0, a, gen), JUAN_OK);
	assert_tags(f->s, a, "综合政务/");
	assert_int_equal(store_set_state(f->s, 0, a, TAG_STATE_NONE_SET),
			 JUAN_OK);
	change_clear(&c);
}

static void
test_notes_and_coders(void **state)
{
	struct fixture *f = *state;
	struct change c = {0};
	char *note;
	int64_t a;

	a = add_doc(f->s, "/a.txt", "关于环境保护税的通知");
	assert_int_equal(store_set_coder(f->s, "李明"), JUAN_OK);
	assert_string_equal(store_coder(f->s), "李明");
	assert_int_equal(store_set_coder(f->s, "a\nb"), JUAN_EINVAL);
	assert_int_equal(store_set_coder(f->s, "\xff"), JUAN_EINVAL);
	assert_string_equal(store_coder(f->s), "李明");

	assert_int_equal(store_set_note(f->s, a, "税目待核，见附件二"), JUAN_OK);
	assert_int_equal(store_set_note(f->s, a, "税目已核"), JUAN_OK);
	assert_int_equal(store_note(f->s, a, &note), JUAN_OK);
	assert_string_equal(note, "税目已核");
	free(note);
	assert_int_equal(store_set_note(f->s, a, "两段\n文字"), JUAN_EINVAL);
	undo(f->s, &c);
	assert_string_equal(c.field, "note");
	assert_int_equal(store_note(f->s, a, &note), JUAN_OK);
	assert_string_equal(note, "税目待核，见附件二");
	free(note);
	undo(f->s, &c);
	assert_int_equal(store_note(f->s, a, &note), JUAN_OK);
	assert_string_equal(note, "");
	free(note);
	change_clear(&c);
	assert_int_equal(store_set_note(f->s, 999, "x"), JUAN_ENOTFOUND);
}

struct rows {
	char line[8][160];
	size_t n;
};

static int
collect(const struct history_entry *e, void *ctx)
{
	struct rows *r = ctx;

	if (r->n < 8)
		snprintf(r->line[r->n++], sizeof(r->line[0]), "%lld %s %s %s %s>%s",
			 (long long)e->doc, e->coder, e->scheme, e->field,
			 e->old_value, e->new_value);
	return 0;
}

static void
test_history_filters(void **state)
{
	struct fixture *f = *state;
	struct history_filter hf = {0};
	struct rows r = {{{0}}, 0};
	char **coders;
	size_t n;
	int64_t a, b;

	a = add_doc(f->s, "/a.txt", "关于环境保护税的通知");
	b = add_doc(f->s, "/b.txt", "关于义务教育的意见");
	assert_int_equal(store_set_coder(f->s, "王"), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, a, theme(f->s, 0, "财政、金融、审计")), JUAN_OK);
	assert_int_equal(store_set_coder(f->s, "李"), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, b, theme(f->s, 0, "c")), JUAN_OK);
	assert_int_equal(store_set_state(f->s, 0, a, TAG_STATE_UNSURE),
			 JUAN_OK);

	hf.coder = "李";
	assert_int_equal(store_history(f->s, &hf, collect, &r), JUAN_OK);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.line[0], "2 李 gov-topics theme >科技、教育");
	assert_string_equal(r.line[1], "1 李 gov-topics state >unsure");
	r.n = 0;
	hf.coder = NULL;
	hf.doc = a;
	assert_int_equal(store_history(f->s, &hf, collect, &r), JUAN_OK);
	assert_int_equal(r.n, 2);
	r.n = 0;
	hf.since = "2999-01-01";
	assert_int_equal(store_history(f->s, &hf, collect, &r), JUAN_OK);
	assert_int_equal(r.n, 0);
	hf.since = "2000-01-01";
	assert_int_equal(store_history(f->s, &hf, collect, &r), JUAN_OK);
	assert_int_equal(r.n, 2);

	assert_int_equal(store_coders(f->s, &coders, &n), JUAN_OK);
	assert_int_equal(n, 2);
	assert_string_equal(coders[0], "李");
	assert_string_equal(coders[1], "王");
	free(coders[0]);
	free(coders[1]);
	free(coders);
}

static void
test_scheme_remove_undo(void **state)
{
	struct fixture *f = *state;
	struct scheme_info *list;
	struct change c = {0};
	int64_t gov, edu, a, b, id;
	size_t n;
	long tags = -1;

	a = add_doc(f->s, "/a.txt", "关于环境保护税的通知");
	b = add_doc(f->s, "/b.txt", "关于义务教育的意见");
	assert_int_equal(store_scheme_active(f->s, &gov), JUAN_OK);
	edu = load(f->s, "education", education);
	assert_int_equal(store_tag(f->s, edu, b, theme(f->s, edu, "高中教育")),
			 JUAN_OK);
	assert_int_equal(store_secondary(f->s, edu, b,
					 theme(f->s, edu, "职业教育"), true),
			 JUAN_OK);
	assert_int_equal(store_set_state(f->s, edu, a, TAG_STATE_UNSURE),
			 JUAN_OK);
	assert_int_equal(store_scheme_activate(f->s, edu), JUAN_OK);

	assert_int_equal(store_scheme_remove(f->s, edu, false, &tags),
			 JUAN_ECONFLICT);
	assert_int_equal(tags, 3);
	assert_int_equal(store_scheme_remove(f->s, edu, true, &tags), JUAN_OK);
	assert_int_equal(store_schemes(f->s, &list, &n), JUAN_OK);
	assert_int_equal(n, 1);
	assert_true(list[0].active);
	scheme_info_free(list, n);
	assert_int_equal(store_scheme_id(f->s, "education", &id),
			 JUAN_ENOTFOUND);
	assert_int_equal(store_tag(f->s, edu, a, 0), JUAN_ENOTFOUND);

	/* one undo brings the scheme and every tag back */
	undo(f->s, &c);
	assert_string_equal(c.field, "scheme");
	assert_int_equal(c.rows, 4);
	change_clear(&c);
	assert_int_equal(store_scheme_id(f->s, "education", &id), JUAN_OK);
	assert_int_equal(id, edu);
	assert_int_equal(store_scheme_activate(f->s, edu), JUAN_OK);
	assert_tags(f->s, b, "高中教育+职业教育/");
	assert_tags(f->s, a, "/unsure");
	/* a scheme without tags goes without force */
	assert_int_equal(store_scheme_activate(f->s, gov), JUAN_OK);
	id = load(f->s, "empty", "甲\t\n");
	assert_int_equal(store_scheme_remove(f->s, id, false, NULL), JUAN_OK);
}

static void
test_stats_and_filters(void **state)
{
	struct fixture *f = *state;
	struct theme_set set, bare;
	struct list_query todo = {0}, unsure = {0}, bad = {0};
	char why[128];
	const char *tsv = "环境\t\n大气\t\n水\t\n财政\t\n";
	int64_t tree, a, b, c, d, *ids;
	size_t n, i;

	a = add_doc(f->s, "/a.txt", "甲");
	b = add_doc(f->s, "/b.txt", "乙");
	c = add_doc(f->s, "/c.txt", "丙");
	d = add_doc(f->s, "/d.txt", "丁");
	assert_int_equal(theme_set_parse(tsv, strlen(tsv), &set, why,
					 sizeof(why)), JUAN_OK);
	free(set.themes[1].parent);
	set.themes[1].parent = strdup("环境");
	free(set.themes[2].parent);
	set.themes[2].parent = strdup("环境");
	assert_int_equal(store_themes_load(f->s, "tree", &set, NULL), JUAN_OK);
	free(set.themes[2].parent);
	set.themes[2].parent = strdup("没有");
	assert_int_equal(store_themes_load(f->s, "tree", &set, NULL),
			 JUAN_EINVAL);
	theme_set_free(&set);
	assert_int_equal(store_scheme_id(f->s, "tree", &tree), JUAN_OK);
	assert_int_equal(store_tag(f->s, tree, a, theme(f->s, tree, "大气")),
			 JUAN_OK);
	assert_int_equal(store_tag(f->s, tree, b, theme(f->s, tree, "财政")),
			 JUAN_OK);
	assert_int_equal(store_secondary(f->s, tree, b, theme(f->s, tree, "水"),
					 true), JUAN_OK);
	assert_int_equal(store_secondary(f->s, tree, a, theme(f->s, tree, "水"),
					 true), JUAN_OK);
	/* two secondary themes under 环境, and a main theme elsewhere: b
	 * counts once under 环境 */
	assert_int_equal(store_secondary(f->s, tree, b,
					 theme(f->s, tree, "大气"), true),
			 JUAN_OK);
	assert_int_equal(store_set_state(f->s, tree, c, TAG_STATE_UNSURE),
			 JUAN_OK);
	assert_int_equal(store_set_state(f->s, tree, d, TAG_STATE_NONE),
			 JUAN_OK);

	assert_int_equal(store_themes(f->s, tree, &set), JUAN_OK);
	assert_int_equal(set.n, 4);
	/* tree order: 环境, its children, then 财政 */
	assert_string_equal(set.themes[0].name, "环境");
	assert_string_equal(set.themes[1].name, "大气");
	assert_string_equal(set.themes[1].parent, "环境");
	assert_int_equal(set.themes[1].depth, 1);
	assert_string_equal(set.themes[2].name, "水");
	assert_string_equal(set.themes[3].name, "财政");
	assert_int_equal(set.themes[0].docs, 0);
	assert_int_equal(set.themes[0].docs_tree, 1);
	assert_int_equal(set.themes[0].any_tree, 2);
	assert_int_equal(set.themes[1].any, 2);
	assert_int_equal(set.themes[2].any, 2);
	assert_int_equal(set.themes[3].docs, 1);
	/* the same tree without the counts */
	assert_int_equal(store_theme_tree(f->s, tree, &bare), JUAN_OK);
	assert_int_equal(bare.n, set.n);
	for (i = 0; i < set.n; i++) {
		assert_int_equal(bare.themes[i].id, set.themes[i].id);
		assert_string_equal(bare.themes[i].parent, set.themes[i].parent);
		assert_int_equal(bare.themes[i].depth, set.themes[i].depth);
		assert_int_equal(bare.themes[i].any_tree, 0);
	}
	theme_set_free(&bare);
	theme_set_free(&set);

	/* needs work: no main theme and no state, or unsure */
	todo.scheme = tree;
	todo.todo = true;
	assert_int_equal(store_list_ids(f->s, &todo, &ids, &n), JUAN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], c);
	free(ids);
	unsure.scheme = tree;
	unsure.state = "none";
	assert_int_equal(store_list_ids(f->s, &unsure, &ids, &n), JUAN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], d);
	free(ids);
	bad.state = "maybe";
	assert_int_equal(store_list_ids(f->s, &bad, &ids, &n), JUAN_EINVAL);
	assert_non_null(strstr(store_error(f->s), "none, unsure"));
	for (i = 0; i < 4; i++)
		assert_int_equal(store_tag(f->s, 0, a + (int64_t)i, 0), JUAN_OK);
}

/* ---- migration from schema version 1 ---------------------------------- */

/* The schema juan wrote as version 1 (store.c's first migration). */
static const char schema_v1[] =
	"CREATE TABLE themes(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
	" key TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '',"
	" position INTEGER NOT NULL);"
	"CREATE TABLE documents(id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE,"
	" path TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',"
	" issuer TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '',"
	" docno TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '',"
	" topic TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',"
	" head TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '',"
	" tail TEXT NOT NULL DEFAULT '',"
	" imported_at TEXT NOT NULL DEFAULT (datetime('now')),"
	" updated_at TEXT NOT NULL DEFAULT (datetime('now')));"
	"CREATE INDEX documents_id ON documents(id);"
	"CREATE TABLE doc_paths(path TEXT PRIMARY KEY, doc_id INTEGER NOT NULL"
	" REFERENCES documents(id) ON DELETE CASCADE) WITHOUT ROWID;"
	"CREATE INDEX doc_paths_doc ON doc_paths(doc_id);"
	"CREATE TABLE sections(doc_id INTEGER NOT NULL REFERENCES documents(id)"
	" ON DELETE CASCADE, seq INTEGER NOT NULL, level INTEGER NOT NULL,"
	" rank INTEGER NOT NULL, label TEXT NOT NULL, title TEXT NOT NULL,"
	" start INTEGER NOT NULL, end INTEGER NOT NULL, PRIMARY KEY(doc_id, seq))"
	" WITHOUT ROWID;"
	"CREATE TABLE doc_themes(doc_id INTEGER PRIMARY KEY REFERENCES"
	" documents(id) ON DELETE CASCADE, theme_id INTEGER NOT NULL"
	" REFERENCES themes(id),"
	" tagged_at TEXT NOT NULL DEFAULT (datetime('now')));"
	"CREATE INDEX doc_themes_theme ON doc_themes(theme_id, doc_id);"
	"CREATE TABLE history(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL"
	" REFERENCES documents(id) ON DELETE CASCADE,"
	" old_theme TEXT NOT NULL DEFAULT '', new_theme TEXT NOT NULL DEFAULT '',"
	" at TEXT NOT NULL DEFAULT (datetime('now')),"
	" op TEXT NOT NULL CHECK (op IN ('tag', 'undo', 'redo')),"
	" state INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX history_doc ON history(doc_id);"
	"CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL)"
	" WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE doc_fts USING fts5(title, body,"
	" content='documents', content_rowid='id', tokenize='juan',"
	" prefix='1');"
	/* a store a cataloguer used: the education set, two tags, history */
	"INSERT INTO themes VALUES(1, '综合规划', '1', '', 0),"
	" (2, '教师队伍', '2', '', 1), (3, '其他', 'x', '', 2);"
	"INSERT INTO documents(id, hash, path, title, body) VALUES"
	" (1, 'h1', '/a.txt', '甲', '甲文'), (2, 'h2', '/b.txt', '乙', '乙文'),"
	" (3, 'h3', '/c.txt', '丙', '丙文');"
	"INSERT INTO doc_fts(rowid, title, body) SELECT id, title, body"
	" FROM documents;"
	"INSERT INTO doc_themes VALUES(1, 2, '2025-05-01 08:00:00'),"
	" (2, 3, '2025-05-02 09:00:00');"
	"INSERT INTO history(doc_id, old_theme, new_theme, at, op, state) VALUES"
	" (1, '', '综合规划', '2025-05-01 07:00:00', 'tag', 0),"
	" (1, '综合规划', '教师队伍', '2025-05-01 08:00:00', 'tag', 0),"
	" (2, '', '其他', '2025-05-02 09:00:00', 'tag', 0),"
	" (3, '', '其他', '2025-05-03 09:00:00', 'tag', 1);"
	"PRAGMA user_version = 1;";

static void
test_migrate_v1(void **state)
{
	struct fixture *f = *state;
	struct scheme_info *list;
	struct rows r = {{{0}}, 0};
	struct doc_info info;
	struct change c = {0};
	sqlite3 *db;
	char err[256];
	size_t n;

	store_close(&f->s);
	assert_int_equal(remove(f->path), 0);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(search_register(db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, schema_v1, NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);

	if (store_open(f->path, &f->s, err, sizeof(err)) != JUAN_OK)
		fail_msg("%s", err);
	assert_int_equal(store_schemes(f->s, &list, &n), JUAN_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].name, "education");
	assert_true(list[0].active);
	assert_int_equal(list[0].tagged, 2);
	assert_int_equal(list[0].themes, 3);
	scheme_info_free(list, n);
	/* every tag with its time */
	assert_int_equal(store_doc_info(f->s, 1, &info), JUAN_OK);
	assert_string_equal(info.theme_name, "教师队伍");
	assert_int_equal(info.theme_key, '2');
	assert_string_equal(info.tagged_at, "2025-05-01 08:00:00");
	doc_info_clear(&info);
	/* the history, named by scheme */
	assert_int_equal(store_history(f->s, NULL, collect, &r), JUAN_OK);
	assert_int_equal(r.n, 4);
	assert_string_equal(r.line[1],
			    "1  education theme 综合规划>教师队伍");
	/* and undo and redo go on where they were */
	assert_int_equal(store_redo(f->s, &c), JUAN_OK);
	assert_int_equal(c.doc, 3);
	undo(f->s, &c);
	undo(f->s, &c);
	assert_int_equal(c.doc, 2);
	undo(f->s, &c);
	assert_int_equal(c.doc, 1);
	assert_string_equal(c.now, "综合规划");
	change_clear(&c);
	/* search still works: the index was left alone */
	db = NULL;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(search_register(db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO doc_fts(doc_fts)"
				      " VALUES('integrity-check')", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void
test_migrate_names(void **state)
{
	static const char *const sets[][2] = {
		{"INSERT INTO themes VALUES(1, '国务院组织机构', '1', '', 0);",
		 "gov-topics"},
		{"INSERT INTO themes VALUES(1, '自己的', '1', '', 0);", "themes"},
	};
	struct fixture *f = *state;
	struct scheme_info *list;
	char err[256], sql[4096];
	sqlite3 *db;
	size_t i, n;

	for (i = 0; i < 2; i++) {
		store_close(&f->s);
		assert_int_equal(remove(f->path), 0);
		remove(strcat(strcpy(err, f->path), "-wal"));
		remove(strcat(strcpy(err, f->path), "-shm"));
		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		assert_int_equal(search_register(db), SQLITE_OK);
		snprintf(sql, sizeof(sql), "%.*s%sPRAGMA user_version = 1;",
			 (int)(strstr(schema_v1, "INSERT INTO themes") -
			       schema_v1), schema_v1, sets[i][0]);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
				 SQLITE_OK);
		sqlite3_close(db);
		if (store_open(f->path, &f->s, err, sizeof(err)) != JUAN_OK)
			fail_msg("%s", err);
		assert_int_equal(store_schemes(f->s, &list, &n), JUAN_OK);
		assert_int_equal(n, 1);
		assert_string_equal(list[0].name, sets[i][1]);
		scheme_info_free(list, n);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_two_schemes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_secondary_and_states,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_notes_and_coders, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_history_filters, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_scheme_remove_undo, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_stats_and_filters, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v1, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_migrate_names, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
