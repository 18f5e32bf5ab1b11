/* SPDX-License-Identifier: MIT */
/* pdfw: one PDF file written a chunk of pages at a time. */
#include "pdfw.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libharu's object layer: xref entries, object headers, dictionaries,
 * the document's page list and fonts. */
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "buf.h"
#include "out.h"
#include "msg.h"
#include "xalloc.h"

/* An object number libharu can print: 24 bits in its headers. */
#define S_MAX_ID 0x00FFFFFFu

struct PdfW {
	FILE *fp;
	char *path;
	HPDF_Stream out;       /* writes to fp through S_write */
	unsigned long long pos; /* bytes written so far */
	int io_errno;          /* of the first failed write, 0 when none */
	int failed;            /* a call failed: the file is incomplete */
	int version;           /* HPDF_PDFVer written in the header */
	uint32_t k0;           /* objects below k0 keep their numbers */
	uint32_t next;         /* the next object number */
	unsigned long long *off; /* [id] byte offset; 0: not written */
	size_t cap_off;
	uint32_t *kids;        /* the pages' numbers, in order */
	size_t n_kids, cap_kids;
};

static HPDF_STATUS S_write(HPDF_Stream s, const HPDF_BYTE *p, HPDF_UINT n)
{
	PdfW *w = s->attr;
	if (n && fwrite(p, 1, n, w->fp) != n) {
		if (!w->io_errno)
			w->io_errno = errno ? errno : EIO;
		return HPDF_FILE_IO_ERROR;
	}
	w->pos += n;
	return HPDF_OK;
}

static int S_fail(PdfW *w, char **err, HPDF_STATUS st)
{
	w->failed = 1;
	if (w->io_errno)
		*err = xasprintf(_("cannot write '%s': %s"), w->path, strerror(w->io_errno));
	else
		*err = xasprintf(_("libharu could not write the PDF '%s' (error 0x%04X)"), w->path,
		                 (unsigned)st);
	return -1;
}

static int S_str(PdfW *w, const char *s)
{
	return HPDF_Stream_WriteStr(w->out, s) == HPDF_OK ? 0 : -1;
}

static uint32_t S_id(const void *obj)
{
	return ((const HPDF_Obj_Header *)obj)->obj_id & S_MAX_ID;
}

static void S_set_id(void *obj, uint32_t id)
{
	((HPDF_Obj_Header *)obj)->obj_id = id | HPDF_OTYPE_INDIRECT;
}

static void S_offset(PdfW *w, uint32_t id)
{
	if (id >= w->cap_off) {
		size_t cap = w->cap_off ? w->cap_off : 1024;
		while (cap <= id)
			cap *= 2;
		w->off = xrealloc(w->off, cap * sizeof *w->off);
		memset(w->off + w->cap_off, 0, (cap - w->cap_off) * sizeof *w->off);
		w->cap_off = cap;
	}
	w->off[id] = w->pos;
}

/* One object, as libharu's own save writes it. */
static int S_object(PdfW *w, void *obj, HPDF_STATUS *st)
{
	char head[32];
	uint32_t id = S_id(obj);
	S_offset(w, id);
	snprintf(head, sizeof head, "%u 0 obj\012", (unsigned)id);
	if (S_str(w, head))
		return -1;
	if ((*st = HPDF_Obj_WriteValue(obj, w->out, NULL)) != HPDF_OK)
		return -1;
	return S_str(w, "\012endobj\012");
}

PdfW *pdfw_begin(const char *path, HPDF_Doc doc, char **err)
{
	if (doc->page_list->count) {
		*err = xstrdup(_("pdfw: the document already has pages"));
		return NULL;
	}
	FILE *fp = out_open_file(path, err);
	if (!fp)
		return NULL;
	PdfW *w = xcalloc(1, sizeof *w);
	w->fp = fp;
	w->path = xstrdup(path);
	w->k0 = doc->xref->entries->count;
	w->next = w->k0;
	w->out = HPDF_CallbackWriter_New(doc->mmgr, S_write, w);
	if (!w->out) {
		*err = xstrdup(_("libharu could not create a stream (out of memory)"));
		pdfw_free(w);
		return NULL;
	}
	/* The version libharu would write; nothing we draw raises it (the
	 * end checks). */
	char head[32];
	snprintf(head, sizeof head, "%%PDF-1.%d\012%%\267\276\255\252\012", 2 + (int)doc->pdf_version);
	w->version = (int)doc->pdf_version;
	if (S_str(w, head)) {
		S_fail(w, err, HPDF_FILE_IO_ERROR);
		pdfw_free(w);
		return NULL;
	}
	return w;
}

/* Marks what the pages reach, by object number: not the objects older
 * than the pages (below k0: the fonts, the page tree's root, written at
 * the end), and nothing else that is not the pages' own. */
typedef struct {
	unsigned char *seen; /* [object number] */
	uint32_t n, k0;
	int bad;             /* reached a font or page tree made after k0 */
} S_Walk;

static void S_mark(S_Walk *k, void *obj)
{
	HPDF_Obj_Header *h = obj;
	if ((h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_PROXY) {
		obj = ((HPDF_Proxy)obj)->obj;
		h = obj;
	}
	if (h->obj_id & HPDF_OTYPE_INDIRECT) {
		uint32_t id = h->obj_id & S_MAX_ID;
		if (id < k->k0)
			return;
		unsigned sub = h->obj_class & 0xFF00u;
		if (sub == HPDF_OSUBCLASS_FONT || sub == HPDF_OSUBCLASS_PAGES || id >= k->n) {
			k->bad = 1;
			return;
		}
		if (k->seen[id])
			return;
		k->seen[id] = 1;
	}
	HPDF_List list = NULL;
	int is_dict = (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT;
	if (is_dict)
		list = ((HPDF_Dict)obj)->list;
	else if ((h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_ARRAY)
		list = ((HPDF_Array)obj)->list;
	for (HPDF_UINT i = 0; list && i < list->count; i++) {
		void *v = list->obj[i];
		if (is_dict)
			v = ((HPDF_DictElement)v)->value;
		if (v)
			S_mark(k, v);
	}
}

int pdfw_pages(PdfW *w, HPDF_Doc doc, char **err)
{
	if (w->failed) {
		*err = xasprintf(_("cannot write '%s': an earlier part failed"), w->path);
		return -1;
	}
	HPDF_Xref xref = doc->xref;
	HPDF_List pages = doc->page_list;
	if (!pages->count)
		return 0;
	S_Walk k = {NULL, xref->entries->count, w->k0, 0};
	k.seen = xcalloc(k.n, 1);
	for (HPDF_UINT i = 0; i < pages->count; i++)
		S_mark(&k, pages->obj[i]);
	int rc = -1;
	HPDF_STATUS st = HPDF_OK;
	if (k.bad) {
		w->failed = 1;
		*err = xasprintf(_("'%s': a page uses a font loaded after the first page"), w->path);
		goto out;
	}
	/* Every number first: objects refer forward (a page to its
	 * contents), and libharu prints a reference from its target's
	 * header. */
	for (uint32_t i = w->k0; i < k.n; i++) {
		if (!k.seen[i])
			continue;
		HPDF_XrefEntry e = HPDF_Xref_GetEntry(xref, i);
		if (S_id(e->obj) != i || w->next >= S_MAX_ID) {
			w->failed = 1;
			*err = xasprintf(_("'%s': too many objects for one PDF"), w->path);
			goto out;
		}
		S_set_id(e->obj, w->next++);
	}
	for (uint32_t i = w->k0; i < k.n; i++)
		if (k.seen[i] && S_object(w, HPDF_Xref_GetEntry(xref, i)->obj, &st)) {
			S_fail(w, err, st);
			goto out;
		}
	for (HPDF_UINT i = 0; i < pages->count; i++) {
		if (w->n_kids == w->cap_kids) {
			w->cap_kids = w->cap_kids ? 2 * w->cap_kids : 256;
			w->kids = xrealloc(w->kids, w->cap_kids * sizeof *w->kids);
		}
		w->kids[w->n_kids++] = S_id(pages->obj[i]);
	}
	/* Free them: the page tree forgets its kids, the xref its entries
	 * (the ones left move down and take their new index as number). */
	HPDF_Array kids = HPDF_Dict_GetItem(doc->root_pages, "Kids", HPDF_OCLASS_ARRAY);
	if (kids)
		HPDF_Array_Clear(kids);
	HPDF_List_Clear(pages);
	doc->cur_page = NULL;
	doc->cur_page_num = 0;
	HPDF_List entries = xref->entries;
	uint32_t j = w->k0;
	for (uint32_t i = w->k0; i < k.n; i++) {
		HPDF_XrefEntry e = entries->obj[i];
		if (k.seen[i]) {
			HPDF_Obj_ForceFree(doc->mmgr, e->obj);
			HPDF_FreeMem(doc->mmgr, e);
			continue;
		}
		if (e->obj)
			S_set_id(e->obj, j);
		entries->obj[j++] = e;
	}
	entries->count = j;
	rc = 0;
out:
	free(k.seen);
	return rc;
}

/* The page tree's root: every page written, in order. */
static int S_root(PdfW *w, HPDF_Dict root)
{
	char num[48];
	S_offset(w, S_id(root));
	snprintf(num, sizeof num, "%u 0 obj\012", (unsigned)S_id(root));
	if (S_str(w, num) || S_str(w, "<<\012/Type /Pages\012/Kids ["))
		return -1;
	for (size_t i = 0; i < w->n_kids; i++) {
		snprintf(num, sizeof num, "%s%u 0 R", i == 0 ? "" : (i % 10 == 0 ? "\012" : " "),
		         (unsigned)w->kids[i]);
		if (S_str(w, num))
			return -1;
	}
	snprintf(num, sizeof num, "]\012/Count %zu\012>>\012endobj\012", w->n_kids);
	return S_str(w, num);
}

/* libharu's ToUnicode for its UTF-8 encoder is an encoding CMap (a
 * "cidrange"), which readers must guess at (poppler warns once a page and
 * font).  With that encoder a character code is the Unicode code point,
 * so the right one maps every code to itself: a bfrange per high byte,
 * surrogates left out. */
static int S_tounicode(HPDF_Font font)
{
	HPDF_FontAttr fa = font->attr;
	if (!fa || !fa->cmap_stream || !fa->cmap_stream->stream || !fa->encoder ||
	    strcmp(fa->encoder->name, "UTF-8") != 0)
		return 0;
	Buf b;
	buf_init(&b);
	buf_puts(&b, "/CIDInit /ProcSet findresource begin\n"
	             "12 dict begin\n"
	             "begincmap\n"
	             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	             "/CMapName /Adobe-Identity-UCS def\n"
	             "/CMapType 2 def\n"
	             "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	int n = 0;
	for (int hi = 0; hi < 256; hi++) {
		if (hi >= 0xD8 && hi <= 0xDF)
			continue;
		if (n % 100 == 0)
			buf_printf(&b, "%s%d beginbfrange\n", n ? "endbfrange\n" : "",
			           n <= 248 - 100 ? 100 : 248 - n);
		buf_printf(&b, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
		n++;
	}
	buf_puts(&b, "endbfrange\nendcmap\n"
	             "CMapName currentdict /CMap defineresource pop\n"
	             "end\nend\n");
	HPDF_Stream st = fa->cmap_stream->stream;
	HPDF_MemStream_FreeData(st);
	HPDF_STATUS rc = HPDF_Stream_Write(st, (const HPDF_BYTE *)b.ptr, (HPDF_UINT)b.len);
	buf_release(&b);
	return rc == HPDF_OK ? 0 : -1;
}

int pdfw_end(PdfW *w, HPDF_Doc doc, char **err)
{
	int rc = -1;
	HPDF_STATUS st = HPDF_OK;
	if (pdfw_pages(w, doc, err))
		goto out;
	/* libharu makes a font's descriptor and its subset program in the
	 * font's before-write hook: run it now, every glyph drawn being
	 * marked, so the objects it adds get numbers before anything that
	 * refers to them is written.  Writing runs the hook again, which
	 * then finds the descriptor made and adds nothing. */
	HPDF_List fonts = doc->font_mgr;
	for (HPDF_UINT i = 0; i < fonts->count; i++) {
		HPDF_Font f = fonts->obj[i];
		HPDF_FontAttr fa = f->attr;
		if (!fa || fa->type != HPDF_FONT_TYPE0_TT) {
			w->failed = 1;
			*err = xasprintf(_("'%s': only TrueType fonts with the UTF-8 encoder "
			                 "can be written a chunk at a time"),
			                 w->path);
			goto out;
		}
		if (S_tounicode(f)) {
			S_fail(w, err, HPDF_FILE_IO_ERROR);
			goto out;
		}
		if (f->before_write_fn && (st = f->before_write_fn(f)) != HPDF_OK) {
			S_fail(w, err, st);
			goto out;
		}
	}
	HPDF_Xref xref = doc->xref;
	for (uint32_t i = w->k0; i < xref->entries->count; i++) {
		if (w->next >= S_MAX_ID) {
			w->failed = 1;
			*err = xasprintf(_("'%s': too many objects for one PDF"), w->path);
			goto out;
		}
		S_set_id(HPDF_Xref_GetEntry(xref, i)->obj, w->next++);
	}
	for (uint32_t i = 1; i < xref->entries->count; i++) {
		void *obj = HPDF_Xref_GetEntry(xref, i)->obj;
		int bad = obj == (void *)doc->root_pages ? S_root(w, doc->root_pages)
		                                         : S_object(w, obj, &st);
		if (bad) {
			S_fail(w, err, st);
			goto out;
		}
	}
	if ((int)doc->pdf_version != w->version) {
		w->failed = 1;
		*err = xasprintf(_("'%s': the pages need PDF 1.%d, not 1.%d"), w->path,
		                 2 + (int)doc->pdf_version, 2 + w->version);
		goto out;
	}
	unsigned long long xref_at = w->pos;
	char line[96];
	snprintf(line, sizeof line, "xref\0120 %u\0120000000000 65535 f\015\012", (unsigned)w->next);
	if (S_str(w, line)) {
		S_fail(w, err, HPDF_FILE_IO_ERROR);
		goto out;
	}
	for (uint32_t id = 1; id < w->next; id++) {
		if (id >= w->cap_off || w->off[id] == 0 || w->off[id] > 9999999999ull) {
			w->failed = 1;
			*err = xasprintf(_("'%s': object %u was not written (or the file "
			                 "passed 10 GB)"),
			                 w->path, (unsigned)id);
			goto out;
		}
		snprintf(line, sizeof line, "%010llu 00000 n\015\012", w->off[id]);
		if (S_str(w, line)) {
			S_fail(w, err, HPDF_FILE_IO_ERROR);
			goto out;
		}
	}
	Buf t;
	buf_init(&t);
	buf_printf(&t, "trailer\012<<\012/Root %u 0 R\012", (unsigned)S_id(doc->catalog));
	if (doc->info)
		buf_printf(&t, "/Info %u 0 R\012", (unsigned)S_id(doc->info));
	buf_printf(&t, "/Size %u\012>>\012startxref\012%llu\012%%%%EOF\012", (unsigned)w->next,
	           xref_at);
	int bad = S_str(w, t.ptr);
	buf_release(&t);
	if (bad) {
		S_fail(w, err, HPDF_FILE_IO_ERROR);
		goto out;
	}
	FILE *fp = w->fp;
	w->fp = NULL;
	rc = out_close_file(fp, w->path, err);
out:
	pdfw_free(w);
	return rc;
}

void pdfw_free(PdfW *w)
{
	if (!w)
		return;
	if (w->fp)
		fclose(w->fp);
	if (w->out)
		HPDF_Stream_Free(w->out);
	free(w->path);
	free(w->off);
	free(w->kids);
	free(w);
}
