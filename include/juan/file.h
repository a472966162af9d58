/* file: reading a whole file into memory, for the small files juan reads
 * whole (a config file, a theme set, a document to parse). */
#ifndef JUAN_FILE_H
#define JUAN_FILE_H

#include <stddef.h>

#include "juan/status.h"

/* Reads the file at path (a regular file, a FIFO or a device: it reads to the
 * end) into *data, NUL-terminated, with its length in *len; caller frees
 * *data.  Returns JUAN_OK; JUAN_ENOTFOUND when path does not exist;
 * JUAN_ENOMEM; JUAN_EIO for any other failure, with errno saying why.  On
 * failure *data is NULL and *len 0. */
enum juan_status file_read(const char *path, char **data, size_t *len);

#endif
