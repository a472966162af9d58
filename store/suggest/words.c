/* words: the weak guess before anything is tagged — the themes whose own
 * words (the 、-separated parts of the name and description) the document
 * holds (suggest_private.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/themes.h"
#include "suggest_private.h"

/* The most a weak guess claims. */
#define WORDS_CONFIDENCE 0.5

/* Occurrences of word[0..len) in s[0..slen). */
static long
count(const char *s, size_t slen, const char *word, size_t len)
{
	const char *p = s, *end = s + slen, *hit;
	long n = 0;

	while ((size_t)(end - p) >= len &&
	       (hit = memmem(p, (size_t)(end - p), word, len))) {
		n++;
		p = hit + len;
	}
	return n;
}

/* The score of the words of text[0..len) (split at 、，,；; and spaces,
 * words of two characters or more) in title (three times) and body. */
static long
score_words(const char *text, const char *title, size_t tlen,
	    const char *body, size_t blen)
{
	static const char *const seps[] = {"、", "，", "；", "与", ",", ";",
					   " ", "/"};
	size_t len = strlen(text), i = 0, start = 0, j, l;
	long sc = 0;

	while (i <= len) {
		l = 0;
		for (j = 0; j < sizeof(seps) / sizeof(seps[0]) && i < len; j++) {
			size_t sl = strlen(seps[j]);

			if (sl <= len - i && memcmp(text + i, seps[j], sl) == 0)
				l = sl;
		}
		if (i == len || l) {
			if (i - start >= 6 || (i - start >= 2 &&
			    !((unsigned char)text[start] & 0x80)))
				sc += 3 * count(title, tlen, text + start, i - start) +
				      count(body, blen, text + start, i - start);
			i += l ? l : 1;
			start = i;
			continue;
		}
		i++;
	}
	return sc;
}

enum juan_status
words_suggest(const struct theme_set *themes, const struct feature_text *t,
	      size_t k, struct suggest_list *out)
{
	const char *title = t->title ? t->title : "";
	const char *body = t->body ? t->body : "";
	size_t tlen = strlen(title), blen = strlen(body), i, j, best;
	long *sc = calloc(themes->n ? themes->n : 1, sizeof(*sc)), total = 0;
	enum juan_status rc = JUAN_OK;
	bool *done = calloc(themes->n ? themes->n : 1, sizeof(*done));

	if (!sc || !done) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	if (blen > FEATURES_BODY_MAX)
		blen = FEATURES_BODY_MAX;
	for (i = 0; i < themes->n; i++) {
		if (themes->themes[i].retired)
			continue;
		sc[i] = score_words(themes->themes[i].name, title, tlen, body,
				    blen) +
			score_words(themes->themes[i].description, title, tlen,
				    body, blen);
		total += sc[i];
	}
	for (j = 0; j < themes->n && out->n < k && rc == JUAN_OK; j++) {
		best = themes->n;
		for (i = 0; i < themes->n; i++)
			if (!done[i] && sc[i] > 0 &&
			    (best == themes->n || sc[i] > sc[best]))
				best = i;
		if (best == themes->n)
			break;
		done[best] = true;
		rc = suggest_push(out, k, themes, themes->themes[best].id,
				  WORDS_CONFIDENCE * sc[best] / total,
				  SUGGEST_WORDS, "主题词（弱）");
	}
done:
	free(sc);
	free(done);
	return rc;
}
