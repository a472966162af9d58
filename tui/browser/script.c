/* script: reading headless mode's keys and commands. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "juan/text.h"
#include "juan/browser/keymap.h"
#include "juan/browser/script.h"

struct script {
	FILE *f;
	int lineno;
	char line[4096];
	const char *typing; /* rest of a :type line still to send */
};

enum juan_status
script_from_file(FILE *f, struct script **out)
{
	struct script *s = calloc(1, sizeof(*s));

	if (s == NULL) {
		fclose(f);
		return JUAN_ENOMEM;
	}
	s->f = f;
	*out = s;
	return JUAN_OK;
}

enum juan_status
script_open(const char *path, struct script **out, char *err, size_t errsize)
{
	FILE *f = fopen(path, "r");

	*out = NULL;
	if (f == NULL) {
		snprintf(err, errsize, "JUAN_SCRIPT %s: %s", path,
			 strerror(errno));
		return JUAN_EIO;
	}
	return script_from_file(f, out);
}

void
script_close(struct script **s)
{
	if (s == NULL || *s == NULL)
		return;
	fclose((*s)->f);
	free(*s);
	*s = NULL;
}

static enum juan_status
bad(struct script *s, const char *problem, char *err, size_t errsize)
{
	snprintf(err, errsize, "script line %d: %s", s->lineno, problem);
	return JUAN_EINVAL;
}

enum juan_status
script_next(struct script *s, struct script_event *ev, char *err,
	    size_t errsize)
{
	size_t len;
	uint32_t cp;
	char *arg, *end;

	memset(ev, 0, sizeof(*ev));
	if (s->typing != NULL && *s->typing != '\0') {
		s->typing += text_next(s->typing, strlen(s->typing), &cp);
		ev->kind = SCRIPT_KEY;
		ev->key = (int)cp;
		return JUAN_OK;
	}
	s->typing = NULL;
	for (;;) {
		if (fgets(s->line, sizeof(s->line), s->f) == NULL) {
			ev->kind = SCRIPT_END;
			return JUAN_OK;
		}
		s->lineno++;
		len = strlen(s->line);
		while (len > 0 && (s->line[len - 1] == '\n' ||
				   s->line[len - 1] == '\r'))
			s->line[--len] = '\0';
		if (len == 0 || s->line[0] == '#')
			continue;
		break;
	}
	if (s->line[0] != ':' || len == 1) {
		if (!keymap_parse_key(s->line, &ev->key))
			return bad(s, "unknown key", err, errsize);
		ev->kind = SCRIPT_KEY;
		return JUAN_OK;
	}
	arg = strchr(s->line, ' ');
	if (arg != NULL)
		*arg++ = '\0';
	if (strcmp(s->line, ":key") == 0) {
		if (arg == NULL || !keymap_parse_key(arg, &ev->key))
			return bad(s, "unknown key", err, errsize);
		ev->kind = SCRIPT_KEY;
		return JUAN_OK;
	}
	if (strcmp(s->line, ":type") == 0) {
		if (arg == NULL || *arg == '\0')
			return bad(s, ":type needs text", err, errsize);
		s->typing = arg;
		return script_next(s, ev, err, errsize);
	}
	if (strcmp(s->line, ":dump") == 0) {
		if (arg == NULL || *arg == '\0')
			return bad(s, ":dump needs a path", err, errsize);
		ev->kind = SCRIPT_DUMP;
		ev->path = arg;
		return JUAN_OK;
	}
	if (strcmp(s->line, ":resize") == 0) {
		if (arg == NULL)
			return bad(s, "usage: :resize COLS ROWS", err, errsize);
		ev->cols = (int)strtol(arg, &end, 10);
		ev->rows = (int)strtol(end, &end, 10);
		if (*end != '\0' || ev->cols < 1 || ev->rows < 1 ||
		    ev->cols > 1000 || ev->rows > 1000)
			return bad(s, "usage: :resize COLS ROWS", err, errsize);
		ev->kind = SCRIPT_RESIZE;
		return JUAN_OK;
	}
	if (strcmp(s->line, ":wait") == 0 && arg == NULL) {
		ev->kind = SCRIPT_WAIT;
		return JUAN_OK;
	}
	return bad(s, "unknown command (:key :type :dump :resize :wait)", err,
		   errsize);
}
