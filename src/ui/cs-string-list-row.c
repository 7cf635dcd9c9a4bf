/* cs-string-list-row.c: one entry of a list of strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-edit-field.h"
#include "cs-string-list-row.h"

struct _CsStringListRow
{
  AdwEntryRow    parent_instance;

  CsEditHistory *history;
  GObject       *object;
  char          *property;

  GtkWidget     *up_button;
  GtkWidget     *down_button;
};

G_DEFINE_FINAL_TYPE (CsStringListRow, cs_string_list_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GStrv
dup_list (CsStringListRow *self)
{
  GStrv list = NULL;

  g_object_get (self->object, self->property, &list, NULL);
  return list ? list : g_new0 (char *, 1);
}

static void
refresh (CsStringListRow *self)
{
  g_auto(GStrv) list = NULL;
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));
  guint n;

  if (self->object == NULL || index < 0)
    return;
  list = dup_list (self);
  n = g_strv_length (list);
  if ((guint) index >= n)
    return;
  cs_edit_field_set_text (GTK_EDITABLE (self), list[index]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", (guint) index + 1 < n);
}

static void
on_changed (CsStringListRow *self)
{
  g_auto(GStrv) list = NULL;
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));

  if (self->object == NULL || index < 0 || cs_edit_field_is_updating (self))
    return;
  list = dup_list (self);
  if ((guint) index < g_strv_length (list) && g_strcmp0 (list[index], text) != 0)
    cs_edit_history_apply (self->history,
                           cs_edit_string_list_new_set (self->object, self->property, index, text));
}

static void
move_by (CsStringListRow *self,
         int              delta,
         GtkWidget       *button)
{
  g_auto(GStrv) list = dup_list (self);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));
  int to = index + delta;
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkListBoxRow *target;

  if (index < 0 || to < 0 || (guint) to >= g_strv_length (list))
    return;
  cs_edit_history_seal (self->history);
  cs_edit_history_apply (self->history,
                         cs_edit_string_list_new_move (self->object, self->property, index, to));
  cs_edit_history_seal (self->history);

  /* The rows stay, their texts move: the focus goes with the moved entry. */
  target = GTK_IS_LIST_BOX (box) ? gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), to) : NULL;
  if (CS_IS_STRING_LIST_ROW (target))
    {
      CsStringListRow *other = CS_STRING_LIST_ROW (target);
      GtkWidget *same = button == self->up_button ? other->up_button : other->down_button;

      if (gtk_widget_is_sensitive (same))
        gtk_widget_grab_focus (same);
      else
        gtk_widget_grab_focus (GTK_WIDGET (other));
    }
}

static void
move_up_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  CsStringListRow *self = CS_STRING_LIST_ROW (widget);

  move_by (self, -1, self->up_button);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  CsStringListRow *self = CS_STRING_LIST_ROW (widget);

  move_by (self, 1, self->down_button);
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  CsStringListRow *self = CS_STRING_LIST_ROW (widget);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));

  if (index < 0)
    return;
  cs_edit_history_seal (self->history);
  cs_edit_history_apply (self->history,
                         cs_edit_string_list_new_remove (self->object, self->property, index));
  cs_edit_history_seal (self->history);
}

GtkWidget *
cs_string_list_row_new (CsEditHistory *history,
                        gpointer       object,
                        const char    *property,
                        gboolean       reorderable)
{
  CsStringListRow *self;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (CS_IS_EDIT_HISTORY (history), NULL);
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  self = g_object_new (CS_TYPE_STRING_LIST_ROW, "history", history, NULL);
  self->object = g_object_ref (object);
  self->property = g_strdup (property);
  gtk_widget_set_visible (self->up_button, reorderable);
  gtk_widget_set_visible (self->down_button, reorderable);
  signal = g_strconcat ("notify::", property, NULL);
  g_signal_connect_object (object, signal, G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  /* the position is known once the list box has the row */
  g_signal_connect (self, "notify::parent", G_CALLBACK (refresh), NULL);
  return GTK_WIDGET (self);
}

static void
cs_string_list_row_dispose (GObject *object)
{
  CsStringListRow *self = CS_STRING_LIST_ROW (object);

  g_clear_object (&self->object);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_STRING_LIST_ROW);

  G_OBJECT_CLASS (cs_string_list_row_parent_class)->dispose (object);
}

static void
cs_string_list_row_finalize (GObject *object)
{
  CsStringListRow *self = CS_STRING_LIST_ROW (object);

  g_free (self->property);

  G_OBJECT_CLASS (cs_string_list_row_parent_class)->finalize (object);
}

static void
cs_string_list_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CsStringListRow *self = CS_STRING_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_string_list_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CsStringListRow *self = CS_STRING_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_set_object (&self->history, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_string_list_row_class_init (CsStringListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_string_list_row_dispose;
  object_class->finalize = cs_string_list_row_finalize;
  object_class->get_property = cs_string_list_row_get_property;
  object_class->set_property = cs_string_list_row_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, CS_TYPE_EDIT_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "row.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "row.move-down", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-string-list-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CsStringListRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, CsStringListRow, down_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
cs_string_list_row_init (CsStringListRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cs_edit_field_prepare (GTK_WIDGET (self), G_OBJECT (self));
}
