/* cs-string-list-row.h: one entry of a list of strings (a learning outcome, a hint trigger)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-edit-all.h"

G_BEGIN_DECLS

#define CS_TYPE_STRING_LIST_ROW (cs_string_list_row_get_type ())
G_DECLARE_FINAL_TYPE (CsStringListRow, cs_string_list_row, CS, STRING_LIST_ROW, AdwEntryRow)

/* The row edits the entry of @property (a GStrv property of @object) at its own position in
 * its GtkListBox, through @history, and follows the list's changes. With @reorderable it
 * has Move Up / Move Down buttons (actions row.move-up, row.move-down; Alt+Up, Alt+Down). */
GtkWidget *cs_string_list_row_new (CsEditHistory *history,
                                   gpointer       object,
                                   const char    *property,
                                   gboolean       reorderable);

G_END_DECLS
