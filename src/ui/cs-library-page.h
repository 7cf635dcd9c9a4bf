/* cs-library-page.h: the library sidebar: searchable list of the cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_LIBRARY_PAGE (cs_library_page_get_type ())
G_DECLARE_FINAL_TYPE (CsLibraryPage, cs_library_page, CS, LIBRARY_PAGE, GtkWidget)

/* Properties:
 *   "store"     CsStore the cases come from (NULL: an empty list)
 *   "folded"    boolean, set by the window when only one page fits
 *   "selected"  CsScenario summary of the chosen case, or NULL. It stays while a search hides
 *               the case and changes only when another case (or a new version) is chosen.
 * Signal "activated": the user chose a case to look at (a row activated, a row selected on
 * a folded window, or a case asked for with cs_library_page_select() was found). */
CsStore    *cs_library_page_get_store    (CsLibraryPage *self);
void        cs_library_page_set_store    (CsLibraryPage *self,
                                          CsStore       *store);
CsScenario *cs_library_page_get_selected (CsLibraryPage *self);
/* Selects the case whose id starts with @id, after the next reload when not listed yet. */
void        cs_library_page_select       (CsLibraryPage *self,
                                          const char    *id);
void        cs_library_page_unselect     (CsLibraryPage *self);
void        cs_library_page_reload       (CsLibraryPage *self);
/* Shows the search entry and puts the focus in it. */
void        cs_library_page_start_search (CsLibraryPage *self);
/* For tests: the listed summaries, and "list", "empty" or "no-results". */
GListModel *cs_library_page_get_model    (CsLibraryPage *self);
const char *cs_library_page_get_state    (CsLibraryPage *self);

G_END_DECLS
