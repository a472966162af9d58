/* features: what the suggestion model (suggest.h) reads of a document — the
 * tokens the search index uses (tokenize.h: the CJK bigrams and a run's
 * last character, lowercased words), drawn from the title and the start of
 * the body, and a few named features from the metadata: each issuer, the
 * genre at the end of the title and the publisher's 主题分类 (topic).  Kept
 * beside the tokenizer so that what the index and the model call a token
 * cannot drift apart.  Pure: strings in, callbacks out, no store. */
#ifndef JUAN_FEATURES_H
#define JUAN_FEATURES_H

#include <stddef.h>

/* Bumped whenever the features change: a saved model built with another
 * version is stale. */
#define FEATURES_VERSION 1

/* Bytes of the body read (cut at a character boundary): the start of a
 * policy document names its subject; the rest adds time, not accuracy. */
#define FEATURES_BODY_MAX 3000

/* What features are drawn from; any field may be NULL or "". */
struct feature_text {
	const char *title;
	const char *issuer;
	const char *topic;
	const char *body;
};

/* Called once per occurrence of a feature: name[0..len), not
 * NUL-terminated, borrowed for the call.  Tokens are the tokenizer's;
 * metadata features start with '@' (no token does): "@i:" and an issuer,
 * "@g:" and the genre, "@p:" and the topic or its head.  Returns non-zero
 * to stop. */
typedef int (*feature_fn)(void *ctx, const char *name, size_t len);

/* Calls cb for every feature of t: each title token twice (a title says
 * more per character than a body), each token of the body's first
 * FEATURES_BODY_MAX bytes once, then the metadata features.  Returns 0, the
 * non-zero value cb stopped with, or -1 when out of memory. */
int features_extract(const struct feature_text *t, feature_fn cb, void *ctx);

/* The genre at the end of title ("通知", "实施意见", "工作要点"): a known
 * genre word, else the last two CJK characters before any closing
 * punctuation or spaces.  Stores where it starts in *start (a pointer into
 * title) and returns its length in bytes; 0 (with *start NULL) when the
 * title (NULL-safe) does not end in CJK text. */
size_t features_genre(const char *title, const char **start);

/* The head of a topic: the part before the first '-' or '－'
 * ("科技、教育、知识产权-教育" → "科技、教育、知识产权"); its length in bytes
 * (the whole length when there is no dash). */
size_t features_topic_head(const char *topic);

#endif
