/* cs-text-layout.h: lays out a wrapping label at the width its parent gives, measuring it
 * only at that width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CS_TYPE_TEXT_LAYOUT (cs_text_layout_get_type ())
G_DECLARE_FINAL_TYPE (CsTextLayout, cs_text_layout, CS, TEXT_LAYOUT, GtkLayoutManager)

/* For a widget whose one child is a wrapping GtkLabel that fills it (a chat bubble). GTK 4.8's
 * GtkLabel answers a width request by laying its text out at its narrowest (width-chars: a
 * line every few words, each line shaped again) and again on one line; a long list of such
 * labels spends most of its time there. This layout answers the width request from the
 * label's width-chars and the font's character width instead, and lays the text out only at
 * the width it is given, which the label keeps for drawing. The label must not have CSS
 * padding, borders or margins (they would be left out of its minimum width).
 *
 * "natural-from-text": the natural width is the text on one line (one layout, for a short
 * line that is centred at its own width); otherwise the natural width is the minimum, for a
 * bubble that fills its row anyway. */
GtkLayoutManager *cs_text_layout_new                   (void);
gboolean          cs_text_layout_get_natural_from_text (CsTextLayout *self);
void              cs_text_layout_set_natural_from_text (CsTextLayout *self,
                                                        gboolean      natural_from_text);

G_END_DECLS
