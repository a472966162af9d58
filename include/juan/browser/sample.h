/* sample: where the bundled sample corpus is, for `i` on an empty store.
 *
 * Looked up in this order, the first directory that exists winning:
 *   1. $JUAN_SAMPLE;
 *   2. assets/sample beside the program's directory: BIN/../assets/sample
 *      (build/juan in a source tree) or BIN/../../assets/sample
 *      (build/asan/juan);
 *   3. JUAN_DATADIR/sample, where `make install` puts it
 *      ($(PREFIX)/share/juan/sample). */
#ifndef JUAN_TUI_SAMPLE_H
#define JUAN_TUI_SAMPLE_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the sample directory into buf[0..size); false when none of the
 * places above holds one.  argv0 (may be NULL) is used when
 * /proc/self/exe cannot be read. */
bool sample_find(const char *argv0, char *buf, size_t size);

#endif
