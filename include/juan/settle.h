/* settle: the other coders' codings of one document, and settling a
 * disagreement by adopting one of them as this store's coding.
 *
 * The other coders' codings come into the table codings by changesets
 * (juan sync import), keyed by the document's hash and the scheme's and
 * themes' names; this store's own coding stays in its tags (store.h).
 * Adopting records, as one change by this store's coder (undone whole by
 * store_undo()), the main theme and the state of the adopted coding, each
 * history row naming where it came from (history_entry.source:
 * "name#uid"). */
#ifndef JUAN_SETTLE_H
#define JUAN_SETTLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/status.h"

struct store;

/* One other coder's coding of a document in a scheme.  Strings owned by
 * the list; "" for none. */
struct coding {
	char *uid;       /* the coder's store */
	char *coder;     /* the coder's name */
	char *label;     /* the coder's display (coders.h): name, or
			  * name#PREFIX when two coders share the name */
	char *theme;     /* the main theme's name */
	char *secondary; /* the secondary themes, as the changeset wrote them */
	char *state;     /* "", "none", "unsure" */
	char *note;
	char *at;        /* when the coder made it, as the changeset says */
};

struct coding_list {
	struct coding *v;
	size_t n;
};

/* The codings of document doc in scheme (0: the active one) by coders of
 * other stores, ordered by label, into *out (zeroed first; free with
 * coding_list_free(), also after a failure).  JUAN_ENOTFOUND for an
 * unknown scheme; JUAN_EDB, JUAN_ENOMEM. */
enum juan_status store_doc_codings(struct store *s, int64_t scheme,
				   int64_t doc, struct coding_list *out);

/* Frees what l holds and zeroes it.  NULL-safe. */
void coding_list_free(struct coding_list *l);

/* Makes the coding of document doc in scheme (0: active) by coder (uid,
 * name) this store's coding: its main theme (or none) and its state, as
 * one change by this store's coder whose history rows name "name#uid" as
 * their source; the secondary themes and the note stay this store's.
 * *changed (may be NULL) says whether anything changed (the codings were
 * alike already: nothing is recorded).  JUAN_ENOTFOUND for an unknown
 * document, scheme or coding; JUAN_EINVAL when the coding's theme is not a
 * theme in use of the scheme here (store_error() names it). */
enum juan_status store_adopt(struct store *s, int64_t scheme, int64_t doc,
			     const char *uid, const char *coder,
			     bool *changed);

#endif
