/* SPDX-License-Identifier: MIT */
/* cache: a content-addressed store of drawn files on disk, kept between
 * runs (the charts: see chart.c, which makes the keys).
 *
 * An entry is one file <dir>/<key in hex> holding a header line
 *     chitieu-cache 1 <sha-256 of key, sizes and body> <size> <size>...
 * then the parts' bytes.  It is written beside its name and renamed into
 * place when whole (out_replace_file), and its digest is checked when
 * read: a truncated or edited entry is a miss, removed, never served.
 *
 * Bounded: each run that commits (cache_close) gets a stamp (whole
 * seconds, later than the last run's, kept in <dir>/runs with the
 * previous ones); an entry it wrote or reused is given the run's stamp
 * as its modification time.  cache_close() removes the entries no run of the
 * last CACHE_RUNS has used, then the least recently used beyond a count.
 * The folder may be removed at any time.
 *
 * Reading and writing are apart: cache_open() and cache_get() only
 * read, so a run that fails after them changes nothing; cache_put() and
 * cache_close() write (the folder, entries, the stamps, the entries'
 * times, evictions), once the run's outputs are in place.
 *
 * Nothing here is an error: a cache that cannot be created, read or
 * written is a warning (the first one kept, for the caller to print) and
 * the run goes on without what failed. */
#ifndef CHITIEU_CACHE_H
#define CHITIEU_CACHE_H
#include <stddef.h>

#include "buf.h"

#define CACHE_RUNS 5
#define CACHE_MAX_PARTS 4

typedef struct Cache Cache;

/* The cache in dir (which need not exist yet), for this run: reads the
 * earlier runs' stamps.  Writes nothing. */
Cache *cache_open(const char *dir);
/* The entry for key, n parts: on a hit returns 1 and puts the parts'
 * bytes, one after the other, in data (reset first), with each part's
 * size in len[], and the entry counts as used by this run; 0 on a miss
 * (none, or broken: left for cache_put to replace).  Writes nothing. */
int cache_get(Cache *c, const unsigned char key[32], size_t n, Buf *data, size_t *len);
/* Stores n parts under key, creating the folder; a failure is kept as
 * the warning, and no more is written. */
void cache_put(Cache *c, const unsigned char key[32], size_t n, const void *const *part,
               const size_t *len);
/* Ends the run.  With commit: records its stamp, marks the entries it
 * used, removes those not used in the last CACHE_RUNS runs, then the
 * oldest beyond keep entries (0: no such bound).  Without: writes
 * nothing (the run failed).  Frees c (may be NULL).  *warn (may be NULL;
 * caller frees): the first problem of the whole run, or NULL. */
void cache_close(Cache *c, int commit, size_t keep, char **warn);

#endif
