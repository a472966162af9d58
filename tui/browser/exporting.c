/* exporting: the export prompts (`e`) — the format, the path (shown whole,
 * in the current directory by default), a BOM for CSV (default yes: Excel
 * on Chinese Windows needs it), whether to replace an existing file — and
 * the export itself, the store's exporter as `juan export` runs it, for
 * the active scheme. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/export.h"
#include "juan/browser/actions.h"
#include "juan/browser/ui.h"

static const char *const export_ext[] = {
	[EXPORT_CSV] = "csv", [EXPORT_JSONL] = "jsonl", [EXPORT_MD] = "md",
};

/* Writes the export to app->export_path. */
static unsigned
write_export(struct app *app)
{
	struct export_opts opts = { 0 };
	enum juan_status rc;
	long count = 0;

	opts.format = (enum export_format)app->export_format;
	opts.bom = opts.format == EXPORT_CSV && app->export_bom;
	opts.scheme = app->scheme_name[0] ? app->scheme_name : NULL;
	rc = export_to_path(app->store, &opts, app->export_path, &count);
	if (rc != JUAN_OK)
		app_error(app, "export to %s failed: %s", app->export_path,
			  store_error(app->store)[0] ? store_error(app->store)
						     : juan_strstatus(rc));
	else
		app_message(app, "exported %ld documents of %s to %s", count,
			    app->scheme_name, app->export_path);
	return R_CHROME;
}

static unsigned
replace_answered(struct app *app, const char *answer)
{
	if (answer[0] != 'y' && answer[0] != 'Y') {
		app_message(app, "export cancelled: %s kept", app->export_path);
		return R_CHROME;
	}
	return write_export(app);
}

/* Asks before replacing an existing file, else writes. */
static unsigned
check_replace(struct app *app)
{
	struct stat st;

	if (stat(app->export_path, &st) == 0)
		return app_ask(app, "file exists: replace it? (y/N) ", "",
			       replace_answered);
	return write_export(app);
}

static unsigned
bom_answered(struct app *app, const char *answer)
{
	app->export_bom = answer[0] != 'n' && answer[0] != 'N';
	return check_replace(app);
}

static unsigned
path_chosen(struct app *app, const char *path)
{
	if (path[0] == '\0') {
		app_message(app, "export cancelled");
		return R_CHROME;
	}
	snprintf(app->export_path, sizeof(app->export_path), "%s", path);
	if (app->export_format == EXPORT_CSV)
		return app_ask(app, "UTF-8 BOM for Excel? (Y/n) ", "",
			       bom_answered);
	return check_replace(app);
}

static unsigned
format_chosen(struct app *app, const char *name)
{
	enum export_format fmt;
	char cwd[3000], path[4096];

	if (export_format_parse(name, &fmt) != JUAN_OK) {
		app_error(app, "unknown format %s (csv, jsonl or md)", name);
		return R_CHROME;
	}
	app->export_format = (int)fmt;
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		snprintf(cwd, sizeof(cwd), ".");
	snprintf(path, sizeof(path), "%s/juan-%s.%s", cwd,
		 app->scheme_name[0] ? app->scheme_name : "export",
		 export_ext[fmt]);
	return app_ask(app, "export to (default: the current directory) ",
		       path, path_chosen);
}

unsigned
app_export(struct app *app)
{
	return app_ask(app, "export format (csv, jsonl, md): ", "csv",
		       format_chosen);
}
