/* SPDX-License-Identifier: MIT */
/* docxin: input/noi-dung.docx, the clerk's text written in Word, read
 * into the same blocks (doc.h) as gfm.c reads noi-dung.md into, so the
 * report cannot tell which one the clerk wrote.
 *
 * Headings are paragraphs whose style has an outline level (styles.xml's
 * w:outlineLvl, followed through w:basedOn) or a built-in heading name
 * ("heading 1".."heading 9", any case): never a style id, which a
 * localised Word names in its own language ("Tiêu đề 1" works through
 * its outline level).  Levels 1 and 2 become level-1 headings, level 3 a
 * level-2 heading, deeper ones bold paragraphs, as for the Markdown.
 * Bold and italic (w:b, w:i, also from a character or paragraph style),
 * lists (w:numPr, direct or from the style; numbering.xml's numFmt tells
 * a bullet from a number), tables (the first row is the header; a merged
 * cell's text is kept once, the slots it covers are empty), line breaks
 * and tabs (spaces).  Warnings, with the paragraph's number, for what is
 * not rendered: images, text boxes, comments, footnotes and endnotes;
 * tracked changes are read as if accepted (insertions kept, deletions
 * dropped), fields as their displayed text, a style not in styles.xml as
 * a paragraph.
 *
 * Refused with an error naming the file: what is not a zip, an OLE file
 * (a Word 97-2003 .doc or an encrypted document), an RTF file, a zip
 * without word/document.xml, a part that is not well-formed or declares
 * a DTD, and parts that inflate beyond DOCXIN_MAX_INFLATED (counted as
 * libzip inflates them: a zip's own size claims are not trusted). */
#ifndef CHITIEU_DOCXIN_H
#define CHITIEU_DOCXIN_H
#include <stddef.h>

#include "model.h"

/* The XML of a clerk's text takes some KiB; the limit is far above it. */
#define DOCXIN_MAX_INFLATED (16 * 1024 * 1024)

/* Reads the bytes of a .docx (path: its name in messages) into
 * m->noi_dung.  0, or -1 when an error was recorded (nothing kept). */
int docxin_noi_dung(Model *m, const char *path, const void *data, size_t n);

#endif
