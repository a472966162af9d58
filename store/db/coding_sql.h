/* coding_sql: the SQL every reader of several coders' codings shares —
 * this store's uid, a coding's category for agreement and for disagree:,
 * and the codings of a scheme (this store's own in doc_tags, the other
 * coders' in codings, joined to this store's documents by hash).  Private
 * to store/db; macros that build string literals, so that the statements
 * stay static for the statement cache.
 *
 * The category of a coding: its main theme, or the state "none" as a
 * category of its own; a coding that is unsure, or has neither, is
 * missing (it enters no agreement figure and no disagreement).  As SQL:
 * 't' || theme name, 'n' for none, NULL for missing. */
#ifndef JUAN_CODING_SQL_H
#define JUAN_CODING_SQL_H


/* This store's uid (the setting store.uid). */
#define CODING_SELF_UID "(SELECT value FROM settings WHERE key = 'store.uid')"

/* The category of a coding whose theme name and state are the SQL
 * expressions theme and state ("" for none). */
#define CODING_CATEGORY(theme, state)                                        \
	"(CASE WHEN " state " = 'unsure' THEN NULL WHEN " theme " <> ''"      \
	" THEN 't' || " theme " WHEN " state " = 'none' THEN 'n' END)"

/* The category of this store's own coding of d.id in scheme id (an SQL
 * expression). */
#define CODING_OWN_CATEGORY(scheme)                                          \
	"(SELECT " CODING_CATEGORY("coalesce(t.name, '')", "o.state")         \
	" FROM doc_tags o LEFT JOIN themes t ON t.id = o.theme_id"            \
	" WHERE o.doc_id = d.id AND o.scheme_id = " scheme ")"

/* The other coders' codings of d (its row `d` of documents) in scheme id:
 * a FROM clause's rows c of codings. */
#define CODING_OTHERS_OF_DOC(scheme)                                         \
	"codings c WHERE c.hash = d.hash AND c.scheme ="                      \
	" (SELECT name FROM schemes WHERE id = " scheme ")"                   \
	" AND c.uid <> " CODING_SELF_UID

/* Every coding of scheme id, this store's and the other coders' of the
 * documents this store has: the columns uid, coder, doc, theme, state. */
#define CODING_ALL(scheme)                                                   \
	"SELECT " CODING_SELF_UID " AS uid, o.coder AS coder, o.doc_id AS doc," \
	" coalesce(t.name, '') AS theme, o.state AS state FROM doc_tags o"    \
	" LEFT JOIN themes t ON t.id = o.theme_id"                            \
	" WHERE o.scheme_id = " scheme                                        \
	" UNION ALL SELECT c.uid, c.coder, d.id, c.theme, c.state"            \
	" FROM documents d JOIN " CODING_OTHERS_OF_DOC(scheme)

#endif
