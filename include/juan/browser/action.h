/* action: the one list of things a key can do in the browser.
 *
 * ACTION_LIST gives each action its enum name, the name a config file uses
 * (`bind KEY NAME`) and the help text the help screen shows; the enum, the
 * name table and the help screen are all generated from it, so a key, its
 * name and its help cannot drift apart.  Tagging with a theme's own key is not
 * an action: the themes come from the store (see keymap_theme_key). */
#ifndef JUAN_TUI_ACTION_H
#define JUAN_TUI_ACTION_H

#define ACTION_LIST(X)                                                        \
	X(ACT_MOVE_DOWN,     "move-down",     "next row, or scroll down")        \
	X(ACT_MOVE_UP,       "move-up",       "previous row, or scroll up")      \
	X(ACT_MOVE_FIRST,    "move-first",    "first row")                       \
	X(ACT_MOVE_LAST,     "move-last",     "last row")                        \
	X(ACT_PAGE_DOWN,     "page-down",     "one page down")                   \
	X(ACT_PAGE_UP,       "page-up",       "one page up")                     \
	X(ACT_PANE_NEXT,     "pane-next",     "focus the next pane")             \
	X(ACT_PANE_PREV,     "pane-prev",     "focus the previous pane")         \
	X(ACT_PANE_LEFT,     "pane-left",     "focus the pane on the left")      \
	X(ACT_PANE_RIGHT,    "pane-right",    "focus the pane on the right")     \
	X(ACT_ENTER,         "enter",         "open: jump the text to the section") \
	X(ACT_FOLD_LESS,     "fold-less",     "outline: show one level less")    \
	X(ACT_FOLD_MORE,     "fold-more",     "outline: show one level more")    \
	X(ACT_TAG_PICK,      "tag-pick",      "pick a theme for the document")   \
	X(ACT_ACCEPT,        "accept",        "accept the suggestion (建议) as the main theme") \
	X(ACT_TAG_CLEAR,     "tag-clear",     "remove the document's theme")     \
	X(ACT_SECONDARY,     "secondary",     "then a theme key or t: add/remove a secondary") \
	X(ACT_STATE_NONE,    "state-none",    "none applies: reviewed, no theme fits (again: clear)") \
	X(ACT_STATE_UNSURE,  "state-unsure",  "unsure: flag for a second look (again: clear)") \
	X(ACT_NOTE,          "note",          "write the document's note")       \
	X(ACT_SCHEME_NEXT,   "scheme-next",   "switch to the next scheme")       \
	X(ACT_UNDO,          "undo",          "undo the last change")            \
	X(ACT_REDO,          "redo",          "redo the change undone")          \
	X(ACT_ADVANCE,       "toggle-advance", "after tagging, go on to the next that needs work") \
	X(ACT_SEARCH,        "search",        "search every document")           \
	X(ACT_HIT_NEXT,      "hit-next",      "next search hit in the text")     \
	X(ACT_HIT_PREV,      "hit-prev",      "previous search hit in the text") \
	X(ACT_FILTER,        "filter",        "show one theme, a review state, or the untagged") \
	X(ACT_CLEAR,         "clear",         "clear the search or filter")      \
	X(ACT_EXPORT,        "export",        "export the active scheme's tags to a file")       \
	X(ACT_STATS,         "stats",         "statistics: documents per theme") \
	X(ACT_HELP,          "help",          "this help")                       \
	X(ACT_REFRESH,       "refresh",       "reread the store and repaint")    \
	X(ACT_IMPORT_SAMPLE, "import-sample", "empty store: import the sample corpus") \
	X(ACT_QUIT,          "quit",          "save the position and quit")   \
	X(ACT_WIDE_LIST,     "wide-list",     "the document list fills the screen, and back") \
	X(ACT_JUMP,          "jump",          "jump to a document by id or docno") \
	X(ACT_MARK,          "mark",          "mark or unmark the document")    \
	X(ACT_MARK_ALL,      "mark-all",      "mark every listed document")     \
	X(ACT_MARK_CLEAR,    "mark-clear",    "unmark every document")          \
	X(ACT_SORT,          "sort",          "sort the list by the next order") \
	X(ACT_SORT_REVERSE,  "sort-reverse",  "reverse the list's order")        \
	X(ACT_BULK,          "bulk",          "apply the next key to the marked (or every listed) document") \
	X(ACT_ADOPT,         "adopt",         "settle: adopt another coder's coding (several: then its number)")

enum action {
	ACT_NONE = -1,
#define ACTION_ENUM(id, name, help) id,
	ACTION_LIST(ACTION_ENUM)
#undef ACTION_ENUM
	ACT_COUNT
};

/* The config name of a (e.g. "move-down"); static, "" for ACT_NONE. */
const char *action_name(enum action a);

/* The help text of a; static, "" for ACT_NONE. */
const char *action_help(enum action a);

/* The action named name, or ACT_NONE. */
enum action action_find(const char *name);

#endif
