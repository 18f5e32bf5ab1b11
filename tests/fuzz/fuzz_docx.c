/* SPDX-License-Identifier: MIT */
/* fuzz_docx: noi-dung.docx (the clerk's text in Word, docxin.c) among
 * valid neighbours (fuzz_file.h); the report's Markdown is written from
 * the blocks read.  Seeds: documents from python-docx and LibreOffice, and
 * the hostile shapes of tests/e2e/test_docx.sh (not a zip, OLE, a DTD). */
#define FUZZ_FILE "noi-dung.docx"
#include "fuzz_file.h"
