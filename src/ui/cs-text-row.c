/* cs-text-row.c: a boxed-list row for a paragraph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-edit-field.h"
#include "cs-text-row.h"

struct _CsTextRow
{
  AdwPreferencesRow  parent_instance;

  GtkLabel          *title_label;
  GtkTextView       *view;
};

G_DEFINE_FINAL_TYPE (CsTextRow, cs_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_buffer_changed (CsTextRow *self)
{
  if (!cs_edit_field_is_updating (self->view))
    g_signal_emit (self, signals[CHANGED], 0);
}

GtkWidget *
cs_text_row_new (void)
{
  return g_object_new (CS_TYPE_TEXT_ROW, NULL);
}

char *
cs_text_row_dup_text (CsTextRow *self)
{
  g_return_val_if_fail (CS_IS_TEXT_ROW (self), NULL);

  return cs_edit_field_dup_view_text (self->view);
}

void
cs_text_row_set_text (CsTextRow  *self,
                      const char *text)
{
  g_return_if_fail (CS_IS_TEXT_ROW (self));

  cs_edit_field_set_view_text (self->view, text);
}

GtkTextView *
cs_text_row_get_view (CsTextRow *self)
{
  g_return_val_if_fail (CS_IS_TEXT_ROW (self), NULL);

  return self->view;
}

static gboolean
grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CS_TEXT_ROW (widget)->view));
}

static void
on_title_notify (CsTextRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_label (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
cs_text_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CS_TYPE_TEXT_ROW);

  G_OBJECT_CLASS (cs_text_row_parent_class)->dispose (object);
}

static void
cs_text_row_class_init (CsTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_text_row_dispose;
  widget_class->grab_focus = grab_focus;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CsTextRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CsTextRow, view);
}

static void
cs_text_row_init (CsTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->view), FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->view), "changed", G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_notify), NULL);
}
