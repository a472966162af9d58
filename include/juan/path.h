/* path: where juan keeps its files by default, after the XDG base directory
 * specification. */
#ifndef JUAN_PATH_H
#define JUAN_PATH_H

/* The path of file rel ("juan/juan.db") under the XDG directory named by the
 * environment variable var ("XDG_DATA_HOME"), or under $HOME/fallback
 * (".local/share") when var is unset, empty or not absolute.  Returns a new
 * string (caller frees), or NULL when neither var nor HOME gives a
 * directory, or when out of memory. */
char *path_xdg(const char *var, const char *fallback, const char *rel);

#endif
