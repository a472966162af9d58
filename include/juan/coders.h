/* coders: who coded a scheme — this store's own coders (the names in
 * doc_tags and doc_secondary) and the other stores' coders whose codings
 * came in by changesets (the table codings) — and how to show them.
 *
 * A coder is the pair (store uid, name): the store uid is the random 16-hex
 * id each store has (setting store.uid), so that "alice" of one laptop and
 * "alice" of another are two coders.  A coder is shown by name alone
 * unless another known coder (of any scheme) has the same name; then as
 * name#PREFIX, PREFIX the shortest start (at least 4 hex digits) of the
 * uid that tells them apart.  A coder without a name is shown as "(none)". */
#ifndef JUAN_CODERS_H
#define JUAN_CODERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/status.h"

struct store;

/* The length of a store uid in hex digits, and of its buffer. */
#define CODER_UID_LEN 16
#define CODER_UID_SIZE (CODER_UID_LEN + 1)

/* One coder of a scheme.  Strings owned by the list. */
struct coder {
	char uid[CODER_UID_SIZE]; /* the store the coder codes in */
	char *name;               /* "" when the coding named nobody */
	char *display;            /* name, or name#PREFIX on a collision */
	bool is_self;             /* a coder of this store (uid is its own) */
	long count;   /* documents coded in the scheme (a main theme, a
		       * secondary theme or a state), pending ones included */
	long pending; /* of those, documents this store does not have yet
		       * (always 0 for this store's own coders) */
};

struct coder_list {
	struct coder *v;
	size_t n;
};

/* This store's uid in uid[0..CODER_UID_SIZE).  JUAN_EDB when the setting
 * cannot be read; JUAN_ENOTFOUND when the store has none (cannot happen
 * after the migration that creates it). */
enum juan_status coders_self_uid(struct store *s, char uid[CODER_UID_SIZE]);

/* The coders with at least one coding in scheme (0: the active one),
 * sorted by name, then uid, into *out (zeroed first; free with
 * coder_list_free(), also after a failure).  JUAN_ENOTFOUND (with the
 * store's error) for an unknown or removed scheme; JUAN_EDB,
 * JUAN_ENOMEM. */
enum juan_status coders_list(struct store *s, int64_t scheme,
			     struct coder_list *out);

/* The coder of l that text names: its display, else its name when one
 * coder of l has it, else name#PREFIX with PREFIX the start of one
 * coder's uid.  The index in *index; JUAN_ENOTFOUND when none matches,
 * JUAN_ECONFLICT when a bare name or prefix matches more than one. */
enum juan_status coder_list_find(const struct coder_list *l, const char *text,
				 size_t *index);

/* Frees the strings and array of l and zeroes it.  NULL-safe. */
void coder_list_free(struct coder_list *l);

#endif
