/* SPDX-License-Identifier: MIT */
/* font: Liberation Serif through fontconfig. */
#include "font.h"

#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "xalloc.h"

#define S_FAMILY "Liberation Serif"

static const struct {
	int weight, slant;
	const char *name;
} S_style[FONT_N_STYLE] = {
	{FC_WEIGHT_REGULAR, FC_SLANT_ROMAN, "Regular"},
	{FC_WEIGHT_BOLD, FC_SLANT_ROMAN, "Bold"},
	{FC_WEIGHT_REGULAR, FC_SLANT_ITALIC, "Italic"},
	{FC_WEIGHT_BOLD, FC_SLANT_ITALIC, "Bold Italic"},
};

/* The file of one style, or NULL when fontconfig would substitute another
 * family or style (it always answers something). */
static char *S_find(FcConfig *cfg, int st)
{
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)S_FAMILY);
	FcPatternAddInteger(pat, FC_WEIGHT, S_style[st].weight);
	FcPatternAddInteger(pat, FC_SLANT, S_style[st].slant);
	FcPatternAddBool(pat, FC_OUTLINE, FcTrue);
	FcConfigSubstitute(cfg, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult res;
	FcPattern *match = FcFontMatch(cfg, pat, &res);
	char *path = NULL;
	FcChar8 *fam = NULL, *file = NULL;
	int weight = -1, slant = -1;
	if (match && FcPatternGetString(match, FC_FAMILY, 0, &fam) == FcResultMatch &&
	    strcmp((const char *)fam, S_FAMILY) == 0 &&
	    FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
	    FcPatternGetInteger(match, FC_WEIGHT, 0, &weight) == FcResultMatch &&
	    FcPatternGetInteger(match, FC_SLANT, 0, &slant) == FcResultMatch &&
	    (weight >= FC_WEIGHT_BOLD) == (S_style[st].weight >= FC_WEIGHT_BOLD) &&
	    (slant != FC_SLANT_ROMAN) == (S_style[st].slant != FC_SLANT_ROMAN))
		path = xstrdup((const char *)file);
	if (match)
		FcPatternDestroy(match);
	FcPatternDestroy(pat);
	return path;
}

int font_find_serif(char *paths[FONT_N_STYLE], char **err)
{
	for (int i = 0; i < FONT_N_STYLE; i++)
		paths[i] = NULL;
	FcConfig *cfg = FcInitLoadConfigAndFonts();
	if (!cfg) {
		*err = xstrdup(_("fontconfig could not load its configuration: "
		               "install the Debian package fonts-liberation2 "
		               "(and fontconfig)"));
		return -1;
	}
	int rc = 0;
	for (int i = 0; i < FONT_N_STYLE; i++) {
		paths[i] = S_find(cfg, i);
		if (!paths[i]) {
			*err = xasprintf(_("font \"%s %s\" not found: install the "
			                 "Debian package fonts-liberation2"),
			                 S_FAMILY, S_style[i].name);
			rc = -1;
			break;
		}
	}
	FcConfigDestroy(cfg);
	if (rc)
		for (int i = 0; i < FONT_N_STYLE; i++) {
			free(paths[i]);
			paths[i] = NULL;
		}
	return rc;
}
