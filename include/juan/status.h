/* status: the one list of ways a juan call can end, and the message for each.
 *
 * Every fallible function in libjuan returns an enum juan_status.  Details that
 * only the failing call knows (a file name, an SQLite message) travel beside it:
 * through store_error() for store calls, or a caller-supplied buffer. */
#ifndef JUAN_STATUS_H
#define JUAN_STATUS_H

#define JUAN_STATUS_LIST(X)                                         \
	X(JUAN_OK,        "ok")                                     \
	X(JUAN_ENOMEM,    "out of memory")                          \
	X(JUAN_EIO,       "input/output error")                     \
	X(JUAN_ENOTTEXT,  "not a text document")                    \
	X(JUAN_EDB,       "database error")                         \
	X(JUAN_ENEWER,    "store was written by a newer juan")      \
	X(JUAN_ENOTFOUND, "not found")                              \
	X(JUAN_EINVAL,    "invalid argument")                       \
	X(JUAN_ECONFLICT, "conflict")                               \
	X(JUAN_EINTR,     "interrupted")                            \
	X(JUAN_EGUARDED,  "is the store or one of its files")       \
	X(JUAN_EREADONLY, "the store is read-only")                 \
	X(JUAN_EGONE,     "the store was deleted or moved")

enum juan_status {
#define JUAN_STATUS_ENUM(name, msg) name,
	JUAN_STATUS_LIST(JUAN_STATUS_ENUM)
#undef JUAN_STATUS_ENUM
};

/* The message for a status; a static string, never NULL. */
const char *juan_strstatus(enum juan_status st);

#endif
