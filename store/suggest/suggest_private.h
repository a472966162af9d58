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
	char **names;   /* by id, into blocks */
	size_t n, cap;
	int32_t *slots; /* open addressing: id + 1, 0 empty */
	size_t nslots;
	char **blocks;  /* where the names live */
	size_t nblocks, blockcap;
	char *next;     /* the free room of the last block */
	size_t left;
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

/* A document's row keeps its DOC_FEATURES_MAX heaviest features. */
#define DOC_FEATURES_MAX 200

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

/* Frees what m holds and zeroes it.  NULL-safe. */
void smodel_clear(struct smodel *m);

struct feature_node; /* LIBLINEAR's */

/* Writes doc's row into x, which has room for min(doc->n,
 * DOC_FEATURES_MAX) + 2 nodes: the kept features (remap[id] >= 0; remap
 * NULL: doc's ids are vocabulary ids already, kept when below nfeat) TF-IDF
 * weighted by idf, the heaviest DOC_FEATURES_MAX of them by index,
 * L2-normalised, then the bias node (index nfeat + 1) and the terminator
 * (index -1).  scratch has room for doc->n nodes. */
void smodel_vectorize(const struct sdoc *doc, const int32_t *remap,
		      const float *idf, int nfeat, struct feature_node *x,
		      struct feature_node *scratch);

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

/* ---- train.c: training in two passes ---------------------------------- */

/* A model being trained: trainer_count() each document (pass 1),
 * trainer_vocab(), then — when trainer_classifies() — trainer_row() or
 * trainer_row_vocab() each document again, in the same order (pass 2), and
 * trainer_finish().  Pass 1's documents are ids of one dictionary, which
 * may grow during pass 1; it is read by trainer_vocab() and not after.
 * No document is kept: pass 1 keeps counts, pass 2 writes rows into one
 * array sized by pass 1. */
struct trainer {
	const struct dict *dict; /* borrowed */
	size_t n;                /* documents counted */
	int *df;                 /* documents holding each feature, by id */
	size_t dfcap;
	int64_t *themes;         /* each document's theme */
	char **topics;           /* each document's topic, owned */
	size_t themecap, topiccap;
	size_t room;             /* nodes the rows may take */
	size_t maxn;             /* the most features of one document */
	/* from trainer_vocab() on */
	int64_t *classes;        /* the distinct themes: the classes */
	int nclass;
	int32_t *remap;          /* dictionary id to vocabulary id, or -1 */
	int32_t *origin;         /* vocabulary id to dictionary id */
	struct trainer_pair {
		int32_t id;
		float count;
	} *pairs;                /* trainer_row_vocab()'s room */
	int32_t *ids;
	float *counts;
	const float *idf;        /* borrowed from the model trained */
	int nfeat;               /* the vocabulary's size */
	struct feature_node *nodes; /* the rows, one after another */
	size_t used;             /* nodes written */
	struct feature_node **x; /* each row's first node */
	double *y;               /* each row's class */
	size_t rows;             /* rows written */
	struct feature_node *scratch;
};

/* Starts t (free with trainer_free()) on documents of dict (borrowed). */
void trainer_init(struct trainer *t, const struct dict *dict);

/* Pass 1: counts doc's features, theme, topic and room.  JUAN_ENOMEM on
 * failure. */
enum juan_status trainer_count(struct trainer *t, const struct sdoc *doc);

/* Between the passes: picks the classes and, with two or more, the
 * vocabulary (features in 2 documents or more once 20 are counted, the
 * VOCAB_MAX most frequent), writing its names and idf into *out (cleared
 * by the caller), and makes room for the rows.  JUAN_ENOMEM on failure. */
enum juan_status trainer_vocab(struct trainer *t, struct smodel *out);

/* Whether t trains a classifier (two themes or more): pass 2 is needed. */
bool trainer_classifies(const struct trainer *t);

/* Pass 2: writes the row of doc (ids of the dictionary of pass 1), which
 * must be the document counted in this place; JUAN_EINVAL (nothing written) when it cannot be (another
 * theme, more features, more documents than pass 1 counted). */
enum juan_status trainer_row(struct trainer *t, const struct sdoc *doc);

/* trainer_row() for doc as ids of the vocabulary trainer_vocab() picked
 * (sdoc_from_text() on it, add false), so that pass 2 needs not the
 * dictionary: the same row as from its dictionary ids.  JUAN_EINVAL as
 * trainer_row(), and for an id outside the vocabulary. */
enum juan_status trainer_row_vocab(struct trainer *t, const struct sdoc *doc);

/* Trains *out (its vocabulary set by trainer_vocab()): the topic map and,
 * with two themes or more, the classifier on the rows.  JUAN_EINVAL when
 * pass 2 wrote fewer rows than pass 1 counted, JUAN_ENOMEM on failure. */
enum juan_status trainer_finish(struct trainer *t, struct smodel *out);

/* Frees what t holds and zeroes it.  NULL-safe. */
void trainer_free(struct trainer *t);

/* Trains on docs[idx[i]] for i < n, held in memory (their ids are ids of
 * dict, whose names become the vocabulary), through a trainer: the topic
 * map and, with two themes or more, the classifier.  *out is cleared
 * first; JUAN_ENOMEM on failure. */
enum juan_status smodel_train(const struct dict *dict, const struct sdoc *docs,
			      const size_t *idx, size_t n, struct smodel *out);

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

/* Reads the tagged documents of scheme (an id, not 0) twice, in one read
 * transaction, into t (started here; free with trainer_free()): pass 1
 * counts them, trainer_vocab() writes the vocabulary into *out (cleared
 * first) beside the tags' fingerprint, the dictionary of pass 1 is freed,
 * and pass 2 writes their rows from the vocabulary.  trainer_finish(t,
 * out) then trains.  On failure t and *out are freed and store_error()
 * says why. */
enum juan_status tagged_rows(struct store *s, int64_t scheme,
			     struct trainer *t, struct smodel *out);

/* The number of tagged documents (main theme in use) of scheme and the
 * last history row of a theme change in it: what a model was trained on. */
enum juan_status tagged_fingerprint(struct store *s, int64_t scheme,
				    long *tags, int64_t *last);

#endif
