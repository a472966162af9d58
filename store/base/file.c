/* file: reading a whole file into memory (see file.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "juan/array.h"
#include "juan/file.h"

enum juan_status
file_read(const char *path, char **data, size_t *len)
{
	FILE *f;
	char *buf = NULL, *grown;
	size_t size = 0, cap = 0, got;
	enum juan_status rc = JUAN_OK;
	int saved = 0;

	*data = NULL;
	*len = 0;
	f = fopen(path, "rb");
	if (f == NULL)
		return errno == ENOENT ? JUAN_ENOTFOUND : JUAN_EIO;
	for (;;) {
		/* room for a read of 64 KiB and the NUL */
		grown = array_reserve(buf, &cap, size + 65536 + 1, 1);
		if (grown == NULL) {
			rc = JUAN_ENOMEM;
			saved = ENOMEM;
			goto done;
		}
		buf = grown;
		got = fread(buf + size, 1, cap - size - 1, f);
		size += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		rc = JUAN_EIO;
		saved = errno ? errno : EIO;
		goto done;
	}
	buf[size] = '\0';
	*data = buf;
	*len = size;
	buf = NULL;
done:
	free(buf);
	fclose(f);
	if (rc != JUAN_OK)
		errno = saved;
	return rc;
}
