/* cs-edit-field.c: what the editor's fields share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-edit-field.h"
#include "cs-ui-util.h"
#include "cs-text-row.h"

void
cs_edit_field_set_text (GtkEditable *editable,
                        const char  *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    {
      /* replacing the text passes through "" (two "changed"): that is no edit */
      g_object_set_data (G_OBJECT (editable), "cs-updating", GINT_TO_POINTER (TRUE));
      gtk_editable_set_text (editable, text ? text : "");
      g_object_set_data (G_OBJECT (editable), "cs-updating", NULL);
    }
}

char *
cs_edit_field_dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
cs_edit_field_set_view_text (GtkTextView *view,
                             const char  *text)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  shown = cs_edit_field_dup_view_text (view);
  if (g_strcmp0 (shown, text ? text : "") == 0)
    return;
  g_object_set_data (G_OBJECT (view), "cs-updating", GINT_TO_POINTER (TRUE));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
  g_object_set_data (G_OBJECT (view), "cs-updating", NULL);
}

char *
cs_edit_field_dup_text (GtkWidget *field)
{
  if (CS_IS_TEXT_ROW (field))
    return cs_text_row_dup_text (CS_TEXT_ROW (field));
  if (GTK_IS_TEXT_VIEW (field))
    return cs_edit_field_dup_view_text (GTK_TEXT_VIEW (field));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
}

void
cs_edit_field_show_text (GtkWidget  *field,
                         const char *text)
{
  if (CS_IS_TEXT_ROW (field))
    cs_text_row_set_text (CS_TEXT_ROW (field), text);
  else if (GTK_IS_TEXT_VIEW (field))
    cs_edit_field_set_view_text (GTK_TEXT_VIEW (field), text);
  else
    cs_edit_field_set_text (GTK_EDITABLE (field), text);
}

gboolean
cs_edit_field_is_updating (gpointer editable)
{
  return g_object_get_data (G_OBJECT (editable), "cs-updating") != NULL;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                GObject                 *owner)
{
  g_autoptr(CsEditHistory) history = NULL;

  g_object_get (owner, "history", &history, NULL);
  if (history)
    cs_edit_history_seal (history);
}

void
cs_edit_field_prepare (GtkWidget *field,
                       GObject   *owner)
{
  GtkEventController *focus;

  g_return_if_fail (GTK_IS_WIDGET (field));

  if (GTK_IS_EDITABLE (field))
    gtk_editable_set_enable_undo (GTK_EDITABLE (field), FALSE);
  else if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), FALSE);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), owner, 0);
  gtk_widget_add_controller (field, focus);
}

void
cs_edit_field_set_problem (GtkWidget  *widget,
                           const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (message)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  /* Setting a tooltip makes GTK query the tooltips under the pointer, in any window, and
   * redraw them: only when it changes. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), message) == 0)
    return;
  gtk_widget_set_tooltip_text (widget, message);
  if (message)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
cs_edit_field_sync_string_list (GtkStringList       *list,
                                const char * const *strv)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n = strv ? g_strv_length ((GStrv) strv) : 0;

  if (old_n != n)
    gtk_string_list_splice (list, 0, old_n, strv);
}

const char *
cs_edit_field_find_problem (GListModel *problems,
                            const char *path)
{
  if (problems == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(CsProblem) problem = g_list_model_get_item (problems, i);

      /* the list holds the problem, so its message outlives this reference */
      if (g_strcmp0 (cs_problem_get_path (problem), path) == 0)
        return cs_problem_get_message (problem);
    }
  return NULL;
}

void
cs_edit_field_toast (GtkWidget  *widget,
                     const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      cs_ui_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
    }
  else
    g_warning ("%s", message);
}

typedef struct {
  GObject           *owner;  /* not owned: it owns the field */
  CsEditFieldObject  get_object;
  const char        *property;
} Binding;

static void
on_bound_changed (GtkWidget *field)
{
  Binding *binding = g_object_get_data (G_OBJECT (field), "cs-binding");
  gpointer object = binding->get_object (binding->owner);
  g_autoptr(CsEditHistory) history = NULL;
  g_autofree char *old = NULL;
  g_autofree char *text = NULL;

  if (object == NULL || cs_edit_field_is_updating (field))
    return;
  g_object_get (binding->owner, "history", &history, NULL);
  if (history == NULL)
    return;
  g_object_get (object, binding->property, &old, NULL);
  text = cs_edit_field_dup_text (field);
  if (g_strcmp0 (old ? old : "", text) != 0)
    cs_edit_history_apply (history, cs_edit_property_new_string (object, binding->property, text));
}

void
cs_edit_field_bind_string (GtkWidget         *field,
                           GObject           *owner,
                           CsEditFieldObject  get_object,
                           const char        *property)
{
  Binding *binding;

  g_return_if_fail (GTK_IS_EDITABLE (field) || CS_IS_TEXT_ROW (field) || GTK_IS_TEXT_VIEW (field));
  g_return_if_fail (G_IS_OBJECT (owner) && get_object != NULL && property != NULL);

  binding = g_new0 (Binding, 1);
  binding->owner = owner;
  binding->get_object = get_object;
  binding->property = property;
  g_object_set_data_full (G_OBJECT (field), "cs-binding", binding, g_free);
  cs_edit_field_prepare (field, owner);
  if (GTK_IS_TEXT_VIEW (field))
    g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "changed",
                             G_CALLBACK (on_bound_changed), field, G_CONNECT_SWAPPED);
  else
    g_signal_connect (field, "changed", G_CALLBACK (on_bound_changed), NULL);
}

void
cs_edit_field_show_string (GtkWidget *field,
                           gpointer   object)
{
  Binding *binding = g_object_get_data (G_OBJECT (field), "cs-binding");
  g_autofree char *value = NULL;

  g_return_if_fail (binding != NULL);

  if (object == NULL)
    return;
  g_object_get (object, binding->property, &value, NULL);
  cs_edit_field_show_text (field, value);
}
