/* topic: which theme the publisher's 主题分类 names (suggest.h). */
#include <string.h>

#include "juan/features.h"
#include "juan/suggest.h"
#include "juan/themes.h"

#define PARTS_MAX 16

struct parts {
	const char *p[PARTS_MAX];
	size_t len[PARTS_MAX];
	size_t n;
};

/* Splits s[0..len) at 、 (and ',', '，') into *out, appending. */
static void
split(const char *s, size_t len, struct parts *out)
{
	static const char *const seps[] = {"、", "，", ","};
	size_t i = 0, start = 0, j, l;

	while (i <= len) {
		l = 0;
		for (j = 0; j < 3 && i < len; j++) {
			size_t sl = strlen(seps[j]);

			if (sl <= len - i && memcmp(s + i, seps[j], sl) == 0)
				l = sl;
		}
		if (i == len || l) {
			if (i > start && out->n < PARTS_MAX) {
				out->p[out->n] = s + start;
				out->len[out->n++] = i - start;
			}
			i += l ? l : 1;
			start = i;
			continue;
		}
		i++;
	}
}

/* Whether every part of name is one of want's parts [from, to). */
static bool
covered(const struct parts *name, const struct parts *want, size_t from,
	size_t to)
{
	size_t i, j;

	if (name->n == 0)
		return false;
	for (i = 0; i < name->n; i++) {
		for (j = from; j < to; j++)
			if (want->len[j] == name->len[i] &&
			    memcmp(want->p[j], name->p[i], name->len[i]) == 0)
				break;
		if (j == to)
			return false;
	}
	return true;
}

static bool
equal(const char *s, const char *p, size_t len)
{
	return strlen(s) == len && memcmp(s, p, len) == 0;
}

/* How well theme t matches: 4 its name or description is the head, 3 its
 * name's parts are all among the head's, 2 the name is the part after the
 * dash, 1 its parts are among the tail's, 0 no match. */
static int
score(const struct theme *t, const char *topic, size_t head,
      const struct parts *hp, const struct parts *tp)
{
	struct parts np = {0};
	const char *tail = topic[head] ? topic + head + (topic[head] == '-' ? 1 : 3) : "";

	if (equal(t->name, topic, head) || (*t->description &&
	    equal(t->description, topic, head)))
		return 4;
	split(t->name, strlen(t->name), &np);
	if (covered(&np, hp, 0, hp->n))
		return 3;
	if (*tail && strcmp(t->name, tail) == 0)
		return 2;
	if (*tail && covered(&np, tp, 0, tp->n))
		return 1;
	return 0;
}

long
suggest_topic_match(const char *topic, const struct theme_set *set)
{
	struct parts hp = {0}, tp = {0};
	size_t head, i;
	long best = -1;
	int best_score = 0, sc;

	if (!topic || !*topic || !set)
		return -1;
	head = features_topic_head(topic);
	split(topic, head, &hp);
	if (topic[head]) {
		const char *tail = topic + head + (topic[head] == '-' ? 1 : 3);

		split(tail, strlen(tail), &tp);
	}
	for (i = 0; i < set->n; i++) {
		if (set->themes[i].retired)
			continue;
		sc = score(&set->themes[i], topic, head, &hp, &tp);
		if (sc > best_score) {
			best_score = sc;
			best = (long)i;
		}
	}
	return best;
}
