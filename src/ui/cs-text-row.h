/* cs-text-row.h: a boxed-list row for a paragraph (description, setting, instructions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CS_TYPE_TEXT_ROW (cs_text_row_get_type ())
G_DECLARE_FINAL_TYPE (CsTextRow, cs_text_row, CS, TEXT_ROW, AdwPreferencesRow)

/* The row's "title" (from AdwPreferencesRow) is shown above the wrapped text. Signal
 * "changed": the user changed the text (not emitted by cs_text_row_set_text()). The text
 * view's own undo is off: Ctrl+Z reaches the editor's history. */
GtkWidget   *cs_text_row_new      (void);
/* transfer full */
char        *cs_text_row_dup_text (CsTextRow  *self);
/* Shows @text unless it already does (the cursor stays while typing). */
void         cs_text_row_set_text (CsTextRow  *self,
                                   const char *text);
GtkTextView *cs_text_row_get_view (CsTextRow  *self);

G_END_DECLS
