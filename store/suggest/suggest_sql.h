/* suggest_sql: juan's suggestions inside SQL, for the query language's
 * suggested: and confidence: (qlang.h).  Registers on a connection the
 * functions juan_suggested(DOC, SCHEME) — the theme id of document DOC's
 * top suggestion in scheme SCHEME, NULL when it has none — and
 * juan_confidence(DOC, SCHEME), its confidence; both read the scheme's
 * saved model, made ready by s->suggest_prepare before a query uses them,
 * and remember each document's answer until the saved model changes.
 * The answers suggest_tops_save() kept in the store for that model are
 * read at once; the others are computed as a query asks for them. */
#ifndef JUAN_SUGGEST_SQL_H
#define JUAN_SUGGEST_SQL_H

#include "juan/status.h"

struct store;

/* Registers the functions on s's connection and sets s->suggest_prepare.
 * JUAN_ENOMEM or JUAN_EDB (with store_error()) on failure. */
enum juan_status suggest_sql_register(struct store *s);

#endif
