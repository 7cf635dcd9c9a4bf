/* cs-hint-list.c: the hints an assignment's students were given most
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hint names the part of a scene's goal the student has not met yet, so this list reads as
 * "what the class finds hardest". One row per hint, most used first: its text (two lines at
 * most, the whole text in the tooltip) over "Scene 2 · 14 times · 9 students". Without hints
 * it says so. Rows are plain labels: the list is read, not acted on. The words every hint
 * starts with ("Not there yet. Think about this part of your goal: ") are left out when
 * there are two hints or more; the tooltip has the whole text.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-hint-list.h"

struct _CsHintList
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  guint      n_rows;
  gsize      skipped;
};

G_DEFINE_FINAL_TYPE (CsHintList, cs_hint_list, GTK_TYPE_WIDGET)

static void
cs_hint_list_dispose (GObject *object)
{
  CsHintList *self = CS_HINT_LIST (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (cs_hint_list_parent_class)->dispose (object);
}

static void
cs_hint_list_class_init (CsHintListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_hint_list_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hintlist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
cs_hint_list_init (CsHintList *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  cs_hint_list_set_assignment (self, NULL);
}

GtkWidget *
cs_hint_list_new (void)
{
  return g_object_new (CS_TYPE_HINT_LIST, NULL);
}

static GtkWidget *
new_label (const char *text,
           gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  /* Wrapping labels ask for their longest line; let the card decide the width. */
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (dim)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
    }
  return label;
}

/* The bytes of the opening every hint of @assignment shares, up to and with its last ": ";
 * 0 when there are fewer than two hints or nothing of the kind is shared. */
static gsize
shared_opening (CsDashboardAssignment *assignment)
{
  guint n = cs_dashboard_assignment_get_n_hints (assignment);
  const char *first;
  gsize common, opening = 0;

  if (n < 2)
    return 0;
  first = cs_dashboard_assignment_get_hint (assignment, 0)->text;
  common = strlen (first);
  for (guint i = 1; i < n; i++)
    {
      const char *other = cs_dashboard_assignment_get_hint (assignment, i)->text;
      gsize same = 0;

      while (same < common && other[same] == first[same])
        same++;
      common = same;
    }
  for (gsize i = 0; i + 1 < common; i++)
    if (first[i] == ':' && first[i + 1] == ' ')
      opening = i + 2;
  /* Leave something to read in every row. */
  for (guint i = 0; i < n && opening; i++)
    if (strlen (cs_dashboard_assignment_get_hint (assignment, i)->text) <= opening)
      opening = 0;
  return opening;
}

static GtkWidget *
new_row (const CsDashboardHint *hint,
         gsize                  skip)
{
  GtkWidget *row = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 2,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM, NULL);
  GtkWidget *text = new_label (hint->text + skip, FALSE);
  g_autofree char *times = g_strdup_printf (ngettext ("%d time", "%d times", hint->uses), hint->uses);
  g_autofree char *students = g_strdup_printf (ngettext ("%d student", "%d students", hint->students),
                                               hint->students);
  /* Translators: under a hint in the dashboard's list: "Scene 2 · 14 times · 9 students" */
  g_autofree char *detail = g_strdup_printf (_("Scene %d · %s · %s"), hint->scene_number, times, students);
  g_autofree char *spoken = g_strdup_printf ("%s. %s", hint->text, detail);

  gtk_widget_set_tooltip_text (text, hint->text);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), new_label (detail, TRUE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return row;
}

void
cs_hint_list_set_assignment (CsHintList            *self,
                             CsDashboardAssignment *assignment)
{
  GtkWidget *child;
  guint n = assignment ? cs_dashboard_assignment_get_n_hints (assignment) : 0;
  gsize skip = assignment ? shared_opening (assignment) : 0;

  g_return_if_fail (CS_IS_HINT_LIST (self));

  while ((child = gtk_widget_get_first_child (self->box)))
    gtk_box_remove (GTK_BOX (self->box), child);
  for (guint i = 0; i < n; i++)
    gtk_box_append (GTK_BOX (self->box), new_row (cs_dashboard_assignment_get_hint (assignment, i), skip));
  if (n == 0)
    {
      GtkWidget *empty = new_label (_("No hints given yet"), TRUE);

      gtk_widget_remove_css_class (empty, "caption");
      gtk_box_append (GTK_BOX (self->box), empty);
    }
  self->n_rows = n;
  self->skipped = skip;
}

guint
cs_hint_list_get_n_rows (CsHintList *self)
{
  g_return_val_if_fail (CS_IS_HINT_LIST (self), 0);

  return self->n_rows;
}

gsize
cs_hint_list_get_skipped (CsHintList *self)
{
  g_return_val_if_fail (CS_IS_HINT_LIST (self), 0);

  return self->skipped;
}
