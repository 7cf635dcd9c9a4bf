/* cs-mention-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The popover lives beside the entry (its parent is this widget, which presents it on
 * every allocation) and never takes the focus: the keys that drive it are caught here,
 * in the capture phase, before the entry sees them.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-mention.h"
#include "cs-mention-entry.h"

struct _CsMentionEntry
{
  GtkWidget           parent_instance;

  GtkEntry           *entry;
  GtkPopover         *popover;
  GtkListBox         *list;

  CsScenario         *scenario;
  GListStore         *people;       /* CsPersona */
  GtkCustomFilter    *filter;
  GtkFilterListModel *matches;
  char               *prefix;       /* what follows the "@" being completed */
  int                 at;           /* character offset of that "@", -1 when none */
  int                 dismissed_at; /* the "@" whose list Escape closed, -1 when none */
};

G_DEFINE_FINAL_TYPE (CsMentionEntry, cs_mention_entry, GTK_TYPE_WIDGET)

/* ---- what is being completed ----------------------------------------------------------- */

/* The "@word" that ends at the cursor: sets self->at and self->prefix, or at = -1. */
static void
find_token (CsMentionEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  int cursor = gtk_editable_get_position (GTK_EDITABLE (self->entry));
  const char *end = g_utf8_offset_to_pointer (text, cursor);
  const char *p = end;

  self->at = -1;
  g_clear_pointer (&self->prefix, g_free);
  while (p > text)
    {
      const char *prev = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (prev);

      if (c == '@')
        {
          /* an address starts a word: "ana@example.org" is no mention */
          if (prev > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (prev))))
            return;
          self->at = (int) g_utf8_pointer_to_offset (text, prev);
          self->prefix = g_strndup (p, end - p);
          return;
        }
      if (g_unichar_isspace (c) || (!g_unichar_isalnum (c) && c != '-' && c != '\''))
        return;
      p = prev;
    }
}

static gboolean
match_person (gpointer item,
              gpointer data)
{
  CsMentionEntry *self = data;

  return self->prefix != NULL && cs_mention_matches_prefix (CS_PERSONA (item), self->prefix);
}

static void
hide_list (CsMentionEntry *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (self->popover);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                               GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
}

static void
update_list (CsMentionEntry *self)
{
  guint n;

  find_token (self);
  if (self->at < 0 || self->at != self->dismissed_at)
    self->dismissed_at = -1;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->matches));
  if (self->at < 0 || self->dismissed_at >= 0 || n == 0)
    {
      hide_list (self);
      return;
    }
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popup (self->popover);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                               GTK_ACCESSIBLE_STATE_EXPANDED, TRUE, -1);
}

/* Replaces the "@prefix" at the cursor with "@Name ". */
static void
pick (CsMentionEntry *self,
      CsPersona      *persona)
{
  g_autofree char *name = cs_mention_dup_name (self->scenario, persona);
  g_autofree char *text = g_strdup_printf ("@%s ", name);
  int cursor = gtk_editable_get_position (GTK_EDITABLE (self->entry));
  int position = self->at;

  if (self->at < 0)
    return;
  gtk_editable_delete_text (GTK_EDITABLE (self->entry), self->at, cursor);
  gtk_editable_insert_text (GTK_EDITABLE (self->entry), text, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), position);
  hide_list (self);
}

static CsPersona *
selected_person (CsMentionEntry *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->matches),
                                gtk_list_box_row_get_index (row));
}

static void
move_selection (CsMentionEntry *self,
                int             step)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int n = (int) g_list_model_get_n_items (G_LIST_MODEL (self->matches));
  int index = row ? gtk_list_box_row_get_index (row) : -1;

  if (n == 0)
    return;
  index = ((index + step) % n + n) % n;
  row = gtk_list_box_get_row_at_index (self->list, index);
  gtk_list_box_select_row (self->list, row);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CsMentionEntry        *self)
{
  g_autoptr(CsPersona) persona = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_ISO_Left_Tab:
      move_selection (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Tab:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if ((persona = selected_person (self)) != NULL)
        pick (self, persona);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      self->dismissed_at = self->at;
      hide_list (self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_row_activated (CsMentionEntry *self,
                  GtkListBoxRow  *row)
{
  g_autoptr(CsPersona) persona =
    g_list_model_get_item (G_LIST_MODEL (self->matches), gtk_list_box_row_get_index (row));

  if (persona != NULL)
    pick (self, persona);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  CsPersona *persona = item;
  const char *name = cs_persona_get_name (persona);
  const char *role = cs_persona_get_role (persona);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *avatar = adw_avatar_new (24, name, TRUE);
  GtkWidget *label = gtk_label_new (name);
  g_autofree char *description = NULL;

  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_margin_start (box, 3);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), label);
  if (role != NULL && *role != '\0')
    {
      GtkWidget *role_label = gtk_label_new (role);

      gtk_label_set_xalign (GTK_LABEL (role_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (role_label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (role_label), 28);
      gtk_widget_set_hexpand (role_label, TRUE);
      gtk_widget_add_css_class (role_label, "dim-label");
      gtk_box_append (GTK_BOX (box), role_label);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_focusable (row, FALSE);
  description = role != NULL && *role != '\0' ? g_strdup_printf ("%s, %s", name, role)
                                               : g_strdup (name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  g_object_set_data_full (G_OBJECT (row), "persona", g_object_ref (persona), g_object_unref);
  return row;
}

/* ---- public --------------------------------------------------------------------------- */

GtkWidget *
cs_mention_entry_new (void)
{
  return g_object_new (CS_TYPE_MENTION_ENTRY, NULL);
}

GtkEntry *
cs_mention_entry_get_entry (CsMentionEntry *self)
{
  g_return_val_if_fail (CS_IS_MENTION_ENTRY (self), NULL);

  return self->entry;
}

void
cs_mention_entry_set_people (CsMentionEntry *self,
                             CsScenario     *scenario,
                             GListModel     *people)
{
  g_return_if_fail (CS_IS_MENTION_ENTRY (self));
  g_return_if_fail (scenario == NULL || CS_IS_SCENARIO (scenario));

  g_set_object (&self->scenario, scenario);
  g_list_store_remove_all (self->people);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CsPersona) persona = g_list_model_get_item (people, i);

      g_list_store_append (self->people, persona);
    }
  update_list (self);
}

void
cs_mention_entry_insert_mention (CsMentionEntry *self,
                                 CsPersona      *persona)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  const char *current;
  int position;

  g_return_if_fail (CS_IS_MENTION_ENTRY (self));
  g_return_if_fail (CS_IS_PERSONA (persona));
  g_return_if_fail (self->scenario != NULL);

  name = cs_mention_dup_name (self->scenario, persona);
  current = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  position = gtk_editable_get_position (GTK_EDITABLE (self->entry));
  if (position > 0 &&
      !g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (current, position - 1))))
    text = g_strdup_printf (" @%s ", name);
  else
    text = g_strdup_printf ("@%s ", name);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_insert_text (GTK_EDITABLE (self->entry), text, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), position);
  hide_list (self);
}

gboolean
cs_mention_entry_get_completing (CsMentionEntry *self)
{
  g_return_val_if_fail (CS_IS_MENTION_ENTRY (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->popover));
}

CsPersona *
cs_mention_entry_get_selected (CsMentionEntry *self)
{
  g_autoptr(CsPersona) persona = NULL;

  g_return_val_if_fail (CS_IS_MENTION_ENTRY (self), NULL);

  persona = selected_person (self);
  return persona;  /* the list of people keeps it */
}

/* ---- GtkWidget ------------------------------------------------------------------------ */

static void
cs_mention_entry_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CsMentionEntry *self = CS_MENTION_ENTRY (widget);

  gtk_widget_measure (GTK_WIDGET (self->entry), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
cs_mention_entry_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CsMentionEntry *self = CS_MENTION_ENTRY (widget);

  gtk_widget_allocate (GTK_WIDGET (self->entry), width, height, baseline, NULL);
  gtk_popover_present (self->popover);
}

static gboolean
cs_mention_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CS_MENTION_ENTRY (widget)->entry));
}

static void
cs_mention_entry_dispose (GObject *object)
{
  CsMentionEntry *self = CS_MENTION_ENTRY (object);
  GtkWidget *child;

  if (self->popover != NULL)
    {
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_MENTION_ENTRY);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->matches);
  g_clear_object (&self->people);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (cs_mention_entry_parent_class)->dispose (object);
}

static void
cs_mention_entry_finalize (GObject *object)
{
  CsMentionEntry *self = CS_MENTION_ENTRY (object);

  g_free (self->prefix);

  G_OBJECT_CLASS (cs_mention_entry_parent_class)->finalize (object);
}

static void
cs_mention_entry_class_init (CsMentionEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_mention_entry_dispose;
  object_class->finalize = cs_mention_entry_finalize;
  widget_class->measure = cs_mention_entry_measure;
  widget_class->size_allocate = cs_mention_entry_size_allocate;
  widget_class->grab_focus = cs_mention_entry_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casestudio/CaseStudio/ui/cs-mention-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, CsMentionEntry, entry);
  gtk_widget_class_bind_template_child (widget_class, CsMentionEntry, popover);
  gtk_widget_class_bind_template_child (widget_class, CsMentionEntry, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
cs_mention_entry_init (CsMentionEntry *self)
{
  GtkEventController *keys;
  GtkEventController *focus;

  self->at = -1;
  self->dismissed_at = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  self->people = g_list_store_new (CS_TYPE_PERSONA);
  self->filter = gtk_custom_filter_new (match_person, self, NULL);
  self->matches = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->people)),
                                             GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->matches), create_row, self, NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (hide_list), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (update_list), self);
  g_signal_connect_swapped (self->entry, "notify::cursor-position", G_CALLBACK (update_list), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_AUTOCOMPLETE,
                                  GTK_ACCESSIBLE_AUTOCOMPLETE_LIST, -1);
}
