/* parse_organ: the names of issuing organs (国务院, 上海市崇明区教育局,
 * 中共舟山市委教育工作委员会) at the start of a title or in a signature. */
#include "juan/text.h"
#include "parse_private.h"

static bool
organ_char(uint32_t cp)
{
	static const uint32_t ends[] = {
		0x9662, 0x90E8, 0x5C40, 0x59D4, 0x4F1A, 0x5385, 0x7F72, 0x5E9C,
		0x5BA4,
	}; /* 院部局委会厅署府室 */
	size_t i;

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (ends[i] == cp)
			return true;
	return false;
}

/* Characters that, right after 部 局 会…, make a word (部署, 会议, 局面)
 * rather than end an organ's name. */
static bool
word_goes_on(uint32_t cp)
{
	static const uint32_t more[] = {
		0x8BAE, 0x8BA1, 0x6258, 0x7F72, 0x5206, 0x9762, 0x6821, 0x957F,
		0x5458, 0x5C5E, 0x7EA7, 0x5185, 0x5916, 0x52A1, 0x9645, 0x540C,
		0x5546, 0x7B7E, 0x961F, 0x4F4D, 0x52BF, 0x9650, 0x58EB, 0x843D,
		0x9886, 0x95E8,
	}; /* 议计托署分面校长员属级内外务际同商签队位势限士落领门 */
	size_t i;

	for (i = 0; i < sizeof more / sizeof more[0]; i++)
		if (more[i] == cp)
			return true;
	return false;
}

bool
parse_is_organ_end(const char *s, size_t len, size_t end)
{
	uint32_t cp, before;
	size_t n;

	n = parse_prev(s, end, &cp);
	if (n == 0)
		return false;
	if (end < len && word_goes_on(parse_cp_at(s, len, end)))
		return false;
	parse_prev(s, end - n, &before);
	if (organ_char(cp))
		return !(cp == 0x4F1A && before == 0x5927); /* 大会 */
	return (cp == 0x95E8 && before == 0x90E8) || /* 部门 */
	    (cp == 0x884C && before == 0x94F6);       /* 银行 */
}

/* Words no organ's name holds: a title that starts with them (学习贯彻全国
 * 教育大会精神…) names a task, not its issuer. */
static bool
task_word(const char *s, size_t end, size_t pos)
{
	static const char *const words[] = {
		"贯彻", "落实", "学习", "推进", "加强", "实施", "开展", "做好",
		"深化", "促进", "进一步", "关于", "全面",
	};
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (parse_has(s, end, pos, words[i]))
			return true;
	return false;
}

size_t
parse_organ_prefix(const char *s, size_t start, size_t end)
{
	size_t pos = start, best = start, chars = 0;
	uint32_t cp;

	while (pos < end && chars < 40 && !task_word(s, end, pos)) {
		pos += text_next(s + pos, end - pos, &cp);
		if (!text_is_han(cp))
			break;
		chars++;
		if (chars >= 3 && parse_is_organ_end(s, end, pos))
			best = pos;
	}
	return best - start;
}
