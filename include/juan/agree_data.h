/* agree_data: the codings of one scheme read from the store as the matrix
 * agree.h computes on — this store's own codings and the other coders'
 * (table codings, joined by document hash), theme names numbered as
 * categories.
 *
 * A coder's category of a document is its main theme, or the state "none"
 * as a category of its own; an unsure or untagged document is missing for
 * that coder (coding_sql.h holds the rule, which disagree: shares).  Only
 * the documents at least two of the chosen coders gave a category are
 * items.  A coder is (store uid, name), shown as coders.h displays it:
 * by name, or name#PREFIX when two coders share the name. */
#ifndef JUAN_AGREE_DATA_H
#define JUAN_AGREE_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/agree.h"
#include "juan/status.h"

struct store;

struct agree_coder {
	char *uid;
	char *name;
	char *label; /* the coder's display (coders.h) */
	bool self;   /* one of this store's own coders */
};

/* One category: a theme, or the state none (is_none, name "none"). */
struct agree_category {
	char *name;
	bool is_none;
};

/* Owned by the struct (free with agree_input_free()). */
struct agree_input {
	char *scheme;                  /* the scheme's name */
	struct agree_coder *coders;    /* the matrix's columns, in order */
	size_t ncoders;
	struct agree_category *categories; /* themes by position, unknown
					    * names by name, none last */
	size_t ncategories;
	int64_t *docs;                 /* the matrix's rows: document ids */
	int *codes;                    /* docs × coders, as agree_data */
	struct agree_data data;        /* borrows codes */
};

/* Reads the codings of scheme (0: the active one) into *out (zeroed
 * first; free with agree_input_free(), also after a failure).  coders
 * (may be NULL when ncoders is 0: every coder of the scheme) names the
 * coders to compare, in the order given: a label, a name, or
 * name#PREFIX.  JUAN_ENOTFOUND (store_error() lists the coders) for a
 * coder that coded nothing in the scheme, JUAN_ECONFLICT for a name two
 * coders share (the error names both labels), JUAN_EINVAL for a coder
 * named twice; JUAN_ENOTFOUND for an unknown scheme; JUAN_EDB,
 * JUAN_ENOMEM. */
enum juan_status store_agree_input(struct store *s, int64_t scheme,
				   const char *const *coders, size_t ncoders,
				   struct agree_input *out);

/* Frees what in holds and zeroes it.  NULL-safe. */
void agree_input_free(struct agree_input *in);

#endif
