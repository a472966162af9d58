/* suggest_private: what the files of store/suggest/ share — a dictionary
 * of feature names, documents as counted features, the model (topic map
 * and classifier) with its training, prediction and serialisation.  Only
 * store/suggest/ includes this. */
#ifndef JUAN_SUGGEST_PRIVATE_H
#define JUAN_SUGGEST_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/features.h"
#include "juan/status.h"
#include "juan/suggest.h"
#include "juan/themes.h"

/* ---- dict.c: feature names to dense ids -------------------------------- */

struct dict {
	char **names;   /* by id */
	size_t n, cap;
	int32_t *slots; /* open addressing: id + 1, 0 empty */
	size_t nslots;
};

/* The id of name[0..len) in *id; adds it when add is true.  Returns 1
 * found or added, 0 absent (add false), -1 out of memory. */
int dict_id(struct dict *d, const char *name, size_t len, bool add,
	    int32_t *id);

/* Frees what d holds and zeroes it. */
void dict_free(struct dict *d);

/* ---- doc.c: one document as counted features --------------------------- */

struct sdoc {
	int64_t id;
	int64_t theme;   /* its main theme; 0 when unknown */
	char *topic;     /* owned */
	int32_t *ids;    /* distinct feature ids, ascending */
	float *counts;   /* occurrences of each */
	size_t n;
};

/* Draws t's features into *out (clear with sdoc_clear()): ids from d,
 * added to it when add is true, else features d lacks are dropped.
 * JUAN_ENOMEM on failure. */
enum juan_status sdoc_from_text(struct dict *d, bool add,
				const struct feature_text *t, struct sdoc *out);
void sdoc_clear(struct sdoc *doc);

/* ---- model.c ----------------------------------------------------------- */

/* What documents with one topic were tagged with most. */
struct topic_map {
	char *topic;
	int64_t theme;
	int n;     /* tagged with theme */
	int total; /* tagged at all */
};

struct model;  /* LIBLINEAR's */

struct smodel {
	long tags;        /* tagged documents trained on */
	int64_t last;     /* the last history row of those tags */
	struct topic_map *topics;
	size_t ntopics;
	/* the classifier; lin NULL when fewer than two themes are tagged */
	struct dict vocab;  /* feature name → index - 1 */
	float *idf;         /* by vocab id */
	struct model *lin;
	int64_t *classes;   /* theme id of each class (LIBLINEAR's label) */
	int nclass;
};

/* Trains on docs[idx[i]] for i < n (their ids are dictionary ids of dict,
 * whose names become the vocabulary): the topic map and, with two themes
 * or more, the classifier.  *out is cleared first; JUAN_ENOMEM on
 * failure. */
enum juan_status smodel_train(const struct dict *dict, const struct sdoc *docs,
			      const size_t *idx, size_t n, struct smodel *out);

/* Frees what m holds and zeroes it.  NULL-safe. */
void smodel_clear(struct smodel *m);

/* Serialises m into *buf (caller frees) of *len bytes. */
enum juan_status smodel_save(const struct smodel *m, unsigned char **buf,
			     size_t *len);

/* Reads a model written by smodel_save() from buf[0..len) into *out;
 * JUAN_EINVAL (with *out cleared) for anything malformed. */
enum juan_status smodel_load(const unsigned char *buf, size_t len,
			     struct smodel *out);

/* The suggestions of m for a document: doc's features are ids of m's
 * vocab (sdoc_from_text() with add false); t is its text (for the
 * themes' words).  Fills *out with up to k, note set when a source gave
 * way.  JUAN_ENOMEM on failure. */
enum juan_status smodel_suggest(const struct smodel *m,
				const struct theme_set *themes,
				const struct sdoc *doc,
				const struct feature_text *t, size_t k,
				struct suggest_list *out);

/* ---- suggest.c: a scheme's themes and model (suggest.h) -------------- */

struct suggester {
	int64_t scheme;
	struct theme_set themes;
	struct smodel model;
	bool stale;
};

/* ---- words.c: the themes' own words ----------------------------------- */

/* Adds to *out (up to k items in all) the themes whose words (name and
 * description) t holds, as weak guesses, skipping themes already listed.
 * JUAN_ENOMEM on failure. */
enum juan_status words_suggest(const struct theme_set *themes,
			       const struct feature_text *t, size_t k,
			       struct suggest_list *out);

/* Appends theme id (its name from themes; a theme not there, or retired,
 * is skipped) to *out unless listed already or out has k items.
 * JUAN_ENOMEM on failure. */
enum juan_status suggest_push(struct suggest_list *out, size_t k,
			      const struct theme_set *themes, int64_t theme,
			      double confidence, enum suggest_source src,
			      const char *reason);

/* ---- tagged.c: the tagged documents of a scheme ----------------------- */

struct store;

/* The documents with a main theme (in use) in a scheme, in the order they
 * were tagged; their features are ids of the dictionary given. */
struct tagged {
	struct sdoc *docs;
	size_t n;
	struct feature_text *texts; /* kept when asked; owned strings */
	int64_t last;               /* the last history row of their tags */
};

/* Reads the tagged documents of scheme (an id, not 0) into *out (free with
 * tagged_free()), their features into d, and their texts when keep_text.
 * On failure store_error() says why. */
enum juan_status tagged_read(struct store *s, int64_t scheme, struct dict *d,
			     bool keep_text, struct tagged *out);
void tagged_free(struct tagged *t);

/* The number of tagged documents (main theme in use) of scheme and the
 * last history row of a theme change in it: what a model was trained on. */
enum juan_status tagged_fingerprint(struct store *s, int64_t scheme,
				    long *tags, int64_t *last);

#endif
