/* PLACEHOLDER: the streaming reader is being written (owner: readers). */
#include "csvin.h"

int csvin_read(const char *dir, const char *path, const CsvCol *cols, size_t n_cols,
               CsvRowFn fn, void *ctx, Msgs *ms, CsvInfo *info)
{
	(void)dir; (void)cols; (void)n_cols; (void)fn; (void)ctx; (void)info;
	msg_error(ms, path, 0, 0, "CSV reading is not implemented yet");
	return CSVIN_ERROR;
}

int csvin_read_mem(const char *path, const void *data, size_t n, size_t chunk,
                   const CsvCol *cols, size_t n_cols, CsvRowFn fn, void *ctx, Msgs *ms,
                   CsvInfo *info)
{
	(void)data; (void)n; (void)chunk; (void)cols; (void)n_cols; (void)fn; (void)ctx; (void)info;
	msg_error(ms, path, 0, 0, "CSV reading is not implemented yet");
	return CSVIN_ERROR;
}
