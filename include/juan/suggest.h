/* suggest: juan proposes a theme for a document, with a confidence and the
 * reason, from these sources in order:
 *   1. the publisher's 主题分类 (topic), when it names a theme of the
 *      scheme — by the theme's name or description, or through what the
 *      cataloguer tagged earlier documents with this topic;
 *   2. the cataloguer's own tags in the scheme: a logistic regression
 *      (LIBLINEAR) on the document's features (features.h), TF-IDF weighted
 *      and L2-normalised;
 *   3. before anything is tagged, the themes' own words (name and
 *      description) found in the document: a weak guess.
 * A source that cannot answer (no tags, one theme tagged, no text, a model
 * that failed to load) gives way to the next, and the list's note says why.
 *
 * The model of a scheme is saved in the store with the feature version and
 * the tags it was trained on; a stale or unreadable one is retrained
 * (suggest_train(), which a browser runs on a connection of its own in the
 * background).  Suggestions are never stored as tags; suggest_accept() tags
 * and marks the history row accepted. */
#ifndef JUAN_SUGGEST_H
#define JUAN_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/status.h"

struct store;
struct theme_set;

enum suggest_source {
	SUGGEST_TOPIC,   /* the 主题分类 names the theme */
	SUGGEST_LEARNED, /* documents with this 主题分类 were tagged so */
	SUGGEST_MODEL,   /* the classifier on the cataloguer's tags */
	SUGGEST_WORDS,   /* the theme's own words: a weak guess */
};

/* "topic", "learned", "model", "words"; a static string. */
const char *suggest_source_name(enum suggest_source src);

struct suggestion {
	int64_t theme;      /* theme id */
	char *name;         /* the theme's name; owned */
	double confidence;  /* 0..1 */
	enum suggest_source source;
	char reason[64];    /* shown beside it: "主题分类", "标注 200 篇"... */
};

/* Suggestions for one document, best first.  note says, when not "", why
 * a source gave way ("no tags in this scheme yet: a weak guess from the
 * themes' words"). */
struct suggest_list {
	struct suggestion *items;
	size_t n;
	char note[160];
};

/* Frees the items of *l and zeroes it.  NULL-safe. */
void suggest_list_clear(struct suggest_list *l);

/* A scheme's themes and its model, loaded for suggesting many documents. */
struct suggester;

/* Loads the themes and saved model of scheme (0: the active one) into
 * *out (free with suggester_free()).  A missing, stale (other feature
 * version, other tags) or unreadable model is retrained and saved when
 * train is true; else it is used as it is (or the weaker sources are) and
 * suggester_stale() says so.  On failure *out is NULL and store_error()
 * says why. */
enum juan_status suggester_open(struct store *s, int64_t scheme, bool train,
				struct suggester **out);

/* Frees *g (NULL-safe) and sets it to NULL. */
void suggester_free(struct suggester **g);

/* Whether the model g uses was trained on other tags than the scheme has
 * now (or could not be read): a background retrain is due. */
bool suggester_stale(const struct suggester *g);

/* The scheme g suggests for. */
int64_t suggester_scheme(const struct suggester *g);

/* How many tags g's model was trained on (0: none, the weak guess). */
long suggester_trained(const struct suggester *g);

/* Up to k suggestions for document doc in *out (clear with
 * suggest_list_clear()).  A document without text gets none, and the note
 * says so.  JUAN_ENOTFOUND for an unknown document. */
enum juan_status suggest_doc(struct store *s, const struct suggester *g,
			     int64_t doc, size_t k, struct suggest_list *out);

/* Whether g's model was trained on the tags its scheme has now, in
 * *fresh: one query, without reading the saved model (for a browser to
 * decide, after a change, whether to retrain). */
enum juan_status suggester_fresh(struct store *s, const struct suggester *g,
				 bool *fresh);

/* Whether the scheme's saved model is stale (see suggester_open()) in
 * *stale, cheaply: for the browser to decide whether to retrain. */
enum juan_status suggest_model_stale(struct store *s, int64_t scheme,
				     bool *stale);

/* Trains the model of scheme (0: active) on its tags as they are and
 * saves it (one transaction); the tags trained on in *tags (may be NULL).
 * Safe to run on a second connection while the first is in use. */
enum juan_status suggest_train(struct store *s, int64_t scheme, long *tags);

/* Computes the top suggestion of g for every document without a main
 * theme in g's scheme and keeps them in the store (one transaction) for
 * the query language's suggested: and confidence:, unless they are kept
 * already for this model; nothing when g's model is no longer the saved
 * one.  Slow at 100,000 documents (seconds): for a background thread.
 * *done (may be NULL) says whether anything was computed. */
enum juan_status suggest_tops_save(struct store *s, const struct suggester *g,
				   bool *done);

/* Gives document doc the main theme theme in scheme (0: active) as
 * store_tag() does, recording the change as an accepted suggestion. */
enum juan_status suggest_accept(struct store *s, int64_t scheme, int64_t doc,
				int64_t theme);

/* Accepts the top suggestion of g for each document of ids[0..n) that
 * has no main theme in g's scheme, as ONE change (one undo step, one
 * transaction; store_bulk() with BULK_ACCEPT), every history row marked
 * accepted.  Documents with a main theme, or without a suggestion, are
 * left as they are.  The documents changed in *changed (caller frees; may
 * be NULL) and their number in *nchanged.  JUAN_ENOTFOUND ("no document
 * to accept a suggestion for") when none of ids is left to change; an
 * unknown id: JUAN_ENOTFOUND and nothing changes. */
enum juan_status suggest_accept_many(struct store *s,
				     const struct suggester *g,
				     const int64_t *ids, size_t n,
				     int64_t **changed, size_t *nchanged);

/* ---- matching the 主题分类 --------------------------------------------- */

/* The index in set of the theme that topic names (its name, or its
 * description, is the topic's head or a run of its 、-separated parts from
 * the start — gov-topics' "科技、教育" for "科技、教育、知识产权-教育"; else a
 * part after the dash), or -1.  Retired themes never match.  NULL or ""
 * topic: -1. */
long suggest_topic_match(const char *topic, const struct theme_set *set);

/* ---- evaluation ------------------------------------------------------- */

struct suggest_score {
	long docs;       /* documents scored */
	long top1;       /* the right theme first */
	long top3;       /* the right theme in the first three */
	long covered;    /* got any suggestion */
	long keys_saved; /* keystrokes saved against the picker (README) */
};

struct suggest_eval {
	long tags;                  /* tagged documents of the scheme */
	struct suggest_score replay; /* each tag suggested from those before */
	struct suggest_score cv;     /* 5-fold cross-validation */
	int folds;                   /* 5, or fewer with fewer documents */
};

/* Replays scheme's tags in the order they were made, suggesting each from
 * a model trained only on tags made before it (retrained after every
 * tenth of those, at least every tag while few), and runs 5-fold
 * cross-validation; fills *out.  Changes nothing in the store. */
enum juan_status suggest_evaluate(struct store *s, int64_t scheme,
				  struct suggest_eval *out);

#endif
