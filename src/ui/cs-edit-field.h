/* cs-edit-field.h: what the editor's fields share: showing the model without making edits,
 * one undo step per visit of a field, marks for problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-edit-all.h"

G_BEGIN_DECLS

/* Shows @text in @editable unless it already does (so the cursor stays while typing). */
void     cs_edit_field_set_text          (GtkEditable   *editable,
                                          const char    *text);
/* The same for a text view's buffer. */
void     cs_edit_field_set_view_text     (GtkTextView   *view,
                                          const char    *text);
char    *cs_edit_field_dup_view_text     (GtkTextView   *view);
/* For a GtkEditable, a CsTextRow or a GtkTextView. */
char    *cs_edit_field_dup_text          (GtkWidget     *field);
void     cs_edit_field_show_text         (GtkWidget     *field,
                                          const char    *text);
/* The object a bound field edits, as its owner shows it now (NULL: none). */
typedef gpointer (*CsEditFieldObject) (gpointer owner);
/* Makes @field (a GtkEditable, CsTextRow or GtkTextView) edit the string @property (static) of the
 * object @get_object returns for @owner, through @owner's "history"; prepared as by
 * cs_edit_field_prepare(). */
void     cs_edit_field_bind_string       (GtkWidget         *field,
                                          GObject           *owner,
                                          CsEditFieldObject  get_object,
                                          const char        *property);
/* Shows the bound property of @object in @field (no edit). */
void     cs_edit_field_show_string       (GtkWidget     *field,
                                          gpointer       object);
/* TRUE while cs_edit_field_set_text() or _set_view_text() changes @editable: its "changed" is no edit. */
gboolean cs_edit_field_is_updating       (gpointer       editable);
/* Makes @field take part in the editor: its own undo is off (Ctrl+Z undoes the case's
 * history instead), and when the focus leaves it the history of @owner (its "history"
 * property) is sealed, so that one visit of the field is one undo step. */
void     cs_edit_field_prepare           (GtkWidget     *field,
                                          GObject       *owner);
/* Marks @widget as having a problem (@message, NULL for none): error style, the message as
 * tooltip and accessible description. */
void     cs_edit_field_set_problem       (GtkWidget     *widget,
                                          const char    *message);
/* Keeps @list as long as @strv: when the lengths differ the whole list is replaced (rows
 * read their text by position, so typing never replaces a row). */
void     cs_edit_field_sync_string_list  (GtkStringList *list,
                                          const char * const *strv);
/* The message of the first problem in @problems (CsProblem) whose path is @path, or NULL. */
const char *cs_edit_field_find_problem   (GListModel    *problems,
                                          const char    *path);
/* Sends @message to the nearest toast overlay above @widget. */
void     cs_edit_field_toast             (GtkWidget     *widget,
                                          const char    *message);

G_END_DECLS
