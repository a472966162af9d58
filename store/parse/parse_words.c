/* parse_words: word lists — whether one of a list of words stands at a
 * position, and the words that name a type of document (通知, 意见…). */
#include <string.h>

#include "juan/parse.h"
#include "parse_base.h"

/* Words a title ends with: the type of document. */
static const char *const genres[] = {
	"答记者问", "通知", "通报", "意见", "决定", "批复", "复函", "函",
	"规定", "办法", "方案", "规划", "计划", "要点", "报告", "请示",
	"公告", "通告", "命令", "条例", "细则", "纲要", "总结", "解读",
	"章程", "标准", "指南", "制度", "清单", "预案", "措施", "决议",
	"公报", "说明", "守则", "准则", "名单", "目录",
};

size_t
parse_word_at(const char *s, size_t len, size_t pos,
    const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (parse_has(s, len, pos, words[i]))
			return strlen(words[i]);
	return 0;
}

size_t
parse_genre_at(const char *s, size_t len, size_t pos)
{
	return parse_word_at(s, len, pos, genres,
	    sizeof genres / sizeof genres[0]);
}

bool
parse_ends_with_genre(const char *s, size_t start, size_t end)
{
	size_t i;

	for (i = 0; i < sizeof genres / sizeof genres[0]; i++)
		if (parse_ends_with(s, start, end, genres[i]))
			return true;
	return false;
}

const char *
doc_title_genre(const char *title)
{
	size_t i, len = strlen(title);

	for (i = 0; i < sizeof genres / sizeof genres[0]; i++)
		if (parse_ends_with(title, 0, len, genres[i]))
			return genres[i];
	return "";
}
