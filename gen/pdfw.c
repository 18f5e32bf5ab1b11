/* pdfw: one PDF file written a chunk of pages at a time. */
#include "pdfw.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libharu's object layer: xref entries, object headers, dictionaries,
 * the fonts' glyph tables. */
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "buf.h"
#include "out.h"
#include "xalloc.h"

enum { S_MAX_FONT = 8 };

/* An object number libharu can print: 24 bits in its headers. */
#define S_MAX_ID 0x00FFFFFFu

struct PdfW {
	FILE *fp;
	char *path;
	HPDF_Doc master;
	HPDF_Font font[S_MAX_FONT];
	int n_font;
	HPDF_Stream out;       /* writes to fp through S_write */
	unsigned long long pos; /* bytes written so far */
	int io_errno;          /* of the first failed write, 0 when none */
	int failed;            /* a call failed: the file is incomplete */
	int version;           /* highest HPDF_PDFVer of any document */
	uint32_t k0;           /* master objects below k0 keep their numbers */
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
		*err = xasprintf("cannot write '%s': %s", w->path, strerror(w->io_errno));
	else
		*err = xasprintf("libharu could not write the PDF '%s' (error 0x%04X)", w->path,
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

PdfW *pdfw_begin(const char *path, HPDF_Doc master, const HPDF_Font *font, int n_font,
                 char **err)
{
	if (n_font < 1 || n_font > S_MAX_FONT) {
		*err = xasprintf("pdfw: %d fonts (1 to %d)", n_font, S_MAX_FONT);
		return NULL;
	}
	FILE *fp = out_open_file(path, err);
	if (!fp)
		return NULL;
	PdfW *w = xcalloc(1, sizeof *w);
	w->fp = fp;
	w->path = xstrdup(path);
	w->master = master;
	w->n_font = n_font;
	for (int i = 0; i < n_font; i++)
		w->font[i] = font[i];
	w->version = (int)master->pdf_version;
	w->k0 = master->xref->entries->count;
	w->next = w->k0;
	w->out = HPDF_CallbackWriter_New(master->mmgr, S_write, w);
	if (!w->out) {
		*err = xstrdup("libharu could not create a stream (out of memory)");
		pdfw_free(w);
		return NULL;
	}
	/* The version digit is patched at the end if a chunk needs more. */
	char head[32];
	snprintf(head, sizeof head, "%%PDF-1.%d\012%%\267\276\255\252\012", 2 + w->version);
	if (S_str(w, head)) {
		S_fail(w, err, HPDF_FILE_IO_ERROR);
		pdfw_free(w);
		return NULL;
	}
	return w;
}

/* The chunk's objects a page needs, by their number in the chunk: what
 * its pages reach, not following the fonts (the master's are written)
 * nor the page tree (the master's root is). */
typedef struct {
	HPDF_Doc chunk;
	const HPDF_Font *font;
	int n_font;
	unsigned char *seen; /* [chunk object number] */
	uint32_t n;
	int bad;             /* reached a font that is not one of font[] */
} S_Walk;

static void S_mark(S_Walk *k, void *obj)
{
	HPDF_Obj_Header *h = obj;
	if ((h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_PROXY) {
		obj = ((HPDF_Proxy)obj)->obj;
		h = obj;
	}
	if (h->obj_id & HPDF_OTYPE_INDIRECT) {
		unsigned sub = h->obj_class & 0xFF00u;
		if (sub == HPDF_OSUBCLASS_FONT) {
			int known = 0;
			for (int i = 0; i < k->n_font; i++)
				known |= obj == (void *)k->font[i];
			if (!known)
				k->bad = 1;
			return;
		}
		if (sub == HPDF_OSUBCLASS_PAGES)
			return;
		uint32_t id = h->obj_id & S_MAX_ID;
		if (id >= k->n || k->seen[id])
			return;
		k->seen[id] = 1;
	}
	HPDF_List list = NULL;
	if ((h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT)
		list = ((HPDF_Dict)obj)->list;
	else if ((h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_ARRAY)
		list = ((HPDF_Array)obj)->list;
	if (!list)
		return;
	int is_dict = (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT;
	for (HPDF_UINT i = 0; i < list->count; i++) {
		void *v = list->obj[i];
		if (is_dict)
			v = ((HPDF_DictElement)v)->value;
		if (v)
			S_mark(k, v);
	}
}

/* The glyphs the chunk drew join the master font's subset. */
static int S_union(HPDF_Font master, HPDF_Font chunk)
{
	HPDF_FontAttr ma = master->attr, ca = chunk->attr;
	if (!ma || !ca || !ma->fontdef || !ca->fontdef ||
	    ma->fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE ||
	    ca->fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE)
		return -1;
	HPDF_TTFontDefAttr mt = ma->fontdef->attr, ct = ca->fontdef->attr;
	if (mt->num_glyphs != ct->num_glyphs || !mt->glyph_tbl.flgs || !ct->glyph_tbl.flgs)
		return -1;
	for (HPDF_UINT i = 0; i < mt->num_glyphs; i++)
		mt->glyph_tbl.flgs[i] |= ct->glyph_tbl.flgs[i];
	return 0;
}

int pdfw_pages(PdfW *w, HPDF_Doc chunk, const HPDF_Font *font, char **err)
{
	if (w->failed) {
		*err = xasprintf("cannot write '%s': an earlier part failed", w->path);
		return -1;
	}
	for (int i = 0; i < w->n_font; i++)
		if (S_union(w->font[i], font[i])) {
			w->failed = 1;
			*err = xasprintf("'%s': a chunk's fonts differ from the document's", w->path);
			return -1;
		}
	HPDF_Xref xref = chunk->xref;
	S_Walk k = {chunk, font, w->n_font, NULL, xref->entries->count, 0};
	k.seen = xcalloc(k.n ? k.n : 1, 1);
	HPDF_List pages = chunk->page_list;
	for (HPDF_UINT i = 0; i < pages->count; i++)
		S_mark(&k, pages->obj[i]);
	int rc = -1;
	HPDF_STATUS st = HPDF_OK;
	if (k.bad) {
		w->failed = 1;
		*err = xasprintf("'%s': a page uses a font the document did not load", w->path);
		goto out;
	}
	/* Every number first: objects refer forward (a page to its
	 * contents), and libharu prints a reference from its target's
	 * header. */
	for (uint32_t i = 1; i < k.n; i++) {
		if (!k.seen[i])
			continue;
		HPDF_XrefEntry e = HPDF_Xref_GetEntry(xref, i);
		if (S_id(e->obj) != i || w->next >= S_MAX_ID) {
			w->failed = 1;
			*err = xasprintf("'%s': too many objects for one PDF", w->path);
			goto out;
		}
		S_set_id(e->obj, w->next++);
	}
	for (int i = 0; i < w->n_font; i++)
		S_set_id(font[i], S_id(w->font[i]));
	S_set_id(chunk->root_pages, S_id(w->master->root_pages));
	for (uint32_t i = 1; i < k.n; i++)
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
	if ((int)chunk->pdf_version > w->version)
		w->version = (int)chunk->pdf_version;
	rc = 0;
out:
	free(k.seen);
	return rc;
}

/* The master's page tree root: every page written, in order. */
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

int pdfw_end(PdfW *w, char **err)
{
	int rc = -1;
	HPDF_STATUS st = HPDF_OK;
	HPDF_Doc m = w->master;
	if (w->failed) {
		*err = xasprintf("cannot write '%s': an earlier part failed", w->path);
		goto out;
	}
	/* libharu makes a font's descriptor and its subset program in the
	 * font's before-write hook: run it now, with every chunk's glyphs
	 * marked, so the objects it adds get numbers before anything that
	 * refers to them is written.  Writing runs the hook again, which
	 * then finds the descriptor made and adds nothing. */
	for (int i = 0; i < w->n_font; i++) {
		HPDF_Dict f = (HPDF_Dict)w->font[i];
		if (S_tounicode(w->font[i])) {
			S_fail(w, err, HPDF_FILE_IO_ERROR);
			goto out;
		}
		if (f->before_write_fn && (st = f->before_write_fn(f)) != HPDF_OK) {
			S_fail(w, err, st);
			goto out;
		}
	}
	HPDF_Xref xref = m->xref;
	for (uint32_t i = w->k0; i < xref->entries->count; i++) {
		if (w->next >= S_MAX_ID) {
			w->failed = 1;
			*err = xasprintf("'%s': too many objects for one PDF", w->path);
			goto out;
		}
		S_set_id(HPDF_Xref_GetEntry(xref, i)->obj, w->next++);
	}
	for (uint32_t i = 1; i < xref->entries->count; i++) {
		void *obj = HPDF_Xref_GetEntry(xref, i)->obj;
		int bad = obj == (void *)m->root_pages ? S_root(w, m->root_pages) : S_object(w, obj, &st);
		if (bad) {
			S_fail(w, err, st);
			goto out;
		}
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
			*err = xasprintf("'%s': object %u was not written (or the file "
			                 "passed 10 GB)",
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
	buf_printf(&t, "trailer\012<<\012/Root %u 0 R\012", (unsigned)S_id(m->catalog));
	if (m->info)
		buf_printf(&t, "/Info %u 0 R\012", (unsigned)S_id(m->info));
	buf_printf(&t, "/Size %u\012>>\012startxref\012%llu\012%%%%EOF\012", (unsigned)w->next,
	           xref_at);
	int bad = S_str(w, t.ptr);
	buf_release(&t);
	if (bad) {
		S_fail(w, err, HPDF_FILE_IO_ERROR);
		goto out;
	}
	/* the header's version, if a chunk needed a later one than the master */
	if (w->version != (int)m->pdf_version &&
	    (fseek(w->fp, 7, SEEK_SET) != 0 || fputc('2' + w->version, w->fp) == EOF)) {
		w->io_errno = errno ? errno : EIO;
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
