/* features: the tokens and metadata features the suggestion model reads
 * (features.h), through the index's own tokenizer. */
#include <string.h>

#include "juan/features.h"
#include "juan/text.h"
#include "juan/tokenize.h"

/* Genre words a policy title ends with, longer ones before the shorter
 * words they end with. */
static const char *const genres[] = {
	"实施意见", "指导意见", "若干意见", "实施方案", "工作方案",
	"行动方案", "工作要点", "行动计划", "工作计划", "管理办法",
	"实施办法", "实施细则", "工作总结", "工作报告", "暂行规定",
	"意见", "方案", "要点", "计划", "办法", "细则", "规定", "通知",
	"决定", "批复", "公告", "通告", "报告", "条例", "规划", "指南",
	"纲要", "总结", "函",
};

struct relay {
	feature_fn cb;
	void *ctx;
	int times;
};

static int
relay_token(void *ctx, const char *tok, int len, int start, int end,
	    int colocated)
{
	struct relay *r = ctx;
	int i, rc;

	(void)start;
	(void)end;
	(void)colocated;
	for (i = 0; i < r->times; i++)
		if ((rc = r->cb(r->ctx, tok, (size_t)len)) != 0)
			return rc;
	return 0;
}

/* Calls cb with prefix and value[0..len) joined, when len > 0. */
static int
named(feature_fn cb, void *ctx, const char *prefix, const char *value,
      size_t len)
{
	char buf[256];
	size_t plen = strlen(prefix);

	if (len == 0)
		return 0;
	if (plen + len > sizeof(buf)) {
		len = sizeof(buf) - plen;
		while (len > 0 && ((unsigned char)value[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf, prefix, plen);
	memcpy(buf + plen, value, len);
	return cb(ctx, buf, plen + len);
}

/* Each issuer of a list joined by 、, ， or spaces. */
static int
issuers(feature_fn cb, void *ctx, const char *s)
{
	size_t len = strlen(s), i = 0, start = 0, step;
	uint32_t cp;
	int rc;

	while (i <= len) {
		step = i < len ? text_next(s + i, len - i, &cp) : 1;
		if (i == len || cp == 0x3001 || cp == 0xFF0C || cp == ',' ||
		    text_is_space(cp)) {
			if ((rc = named(cb, ctx, "@i:", s + start, i - start)))
				return rc;
			start = i + step;
		}
		i += step;
	}
	return 0;
}

size_t
features_topic_head(const char *topic)
{
	const char *dash = strchr(topic, '-');
	const char *wide = strstr(topic, "－");

	if (wide && (!dash || wide < dash))
		dash = wide;
	return dash ? (size_t)(dash - topic) : strlen(topic);
}

size_t
features_genre(const char *title, const char **start)
{
	size_t len = title ? strlen(title) : 0, i, glen, cjk = 0, at = 0;
	size_t pos[2] = {0, 0};
	uint32_t cp;

	*start = NULL;
	/* the end of the CJK text: the last CJK character's end */
	for (i = 0; i < len;) {
		size_t step = text_next(title + i, len - i, &cp);

		if (text_is_han(cp)) {
			pos[0] = pos[1];
			pos[1] = i;
			cjk = cjk < 2 ? cjk + 1 : 2;
			at = i + step;
		} else if (!text_is_space(cp) && !(cp >= 0x3000 && cp <= 0x303F) &&
			   !(cp >= 0xFF00 && cp <= 0xFF0F) && cp != ')' &&
			   cp != ']' && cp != '"') {
			cjk = 0;
			at = 0;
		}
		i += step;
	}
	if (cjk == 0)
		return 0;
	for (i = 0; i < sizeof(genres) / sizeof(genres[0]); i++) {
		glen = strlen(genres[i]);
		if (glen <= at && memcmp(title + at - glen, genres[i], glen) == 0) {
			*start = title + at - glen;
			return glen;
		}
	}
	if (cjk < 2)
		return 0;
	*start = title + pos[0];
	return at - pos[0];
}

int
features_extract(const struct feature_text *t, feature_fn cb, void *ctx)
{
	struct relay r = {cb, ctx, 2};
	const char *title = t->title ? t->title : "";
	const char *body = t->body ? t->body : "";
	const char *topic = t->topic ? t->topic : "";
	const char *genre;
	size_t len = strlen(body), glen, head;
	int rc;

	if ((rc = tokenize_text(title, (int)strlen(title), false, relay_token,
				&r)))
		return rc;
	if (len > FEATURES_BODY_MAX) {
		len = FEATURES_BODY_MAX;
		while (len > 0 && ((unsigned char)body[len] & 0xC0) == 0x80)
			len--;
	}
	r.times = 1;
	if ((rc = tokenize_text(body, (int)len, false, relay_token, &r)))
		return rc;
	if ((rc = issuers(cb, ctx, t->issuer ? t->issuer : "")))
		return rc;
	glen = features_genre(title, &genre);
	if ((rc = named(cb, ctx, "@g:", genre, glen)))
		return rc;
	if ((rc = named(cb, ctx, "@p:", topic, strlen(topic))))
		return rc;
	head = features_topic_head(topic);
	if (head < strlen(topic))
		rc = named(cb, ctx, "@p:", topic, head);
	return rc;
}
