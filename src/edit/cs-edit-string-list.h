/* cs-edit-string-list.h: change one entry of a list of strings (learning outcomes, tags,
 * hint triggers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_STRING_LIST (cs_edit_string_list_get_type ())
G_DECLARE_FINAL_TYPE (CsEditStringList, cs_edit_string_list, CS, EDIT_STRING_LIST, CsEdit)

/* @object is a CsScenario or CsScene and @property one of its GStrv properties
 * ("learning-outcomes", "tags", "hint-triggers"). The list before and after is worked out
 * when the edit is made; an index out of range returns NULL (and a critical).
 *
 * Setting the text of the same entry again merges into one undo step (typing); inserting,
 * removing and moving never merge. */
CsEdit *cs_edit_string_list_new_set    (gpointer    object,
                                        const char *property,
                                        guint       index,
                                        const char *text);
/* @index may be the length of the list (append). */
CsEdit *cs_edit_string_list_new_insert (gpointer    object,
                                        const char *property,
                                        guint       index,
                                        const char *text);
CsEdit *cs_edit_string_list_new_remove (gpointer    object,
                                        const char *property,
                                        guint       index);
CsEdit *cs_edit_string_list_new_move   (gpointer    object,
                                        const char *property,
                                        guint       from,
                                        guint       to);
/* The entry the edit leaves changed (the moved entry's new place, the inserted one, the
 * set one; for a removal the entry that takes its place). */
guint   cs_edit_string_list_get_index  (CsEditStringList *self);

G_END_DECLS
