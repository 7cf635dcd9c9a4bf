/* cs-persona-editor.c: edit one persona of a case, with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "cs-edit-field.h"
#include "cs-persona-editor.h"
#include "cs-persona-scenes.h"
#include "cs-trait-radar.h"
#include "cs-ui-util.h"

/* The folder of the library that holds the chosen avatar images. */
#define AVATAR_FOLDER "avatars"
#define NEW_TRAIT_VALUE 5

struct _CsPersonaEditor
{
  GtkWidget       parent_instance;

  CsEditHistory  *history;
  CsPersona      *persona;
  CsStore        *store;
  gulong          notify_id;
  GCancellable   *cancellable;
  /* Set while the fields are filled from the model: their changes are not edits. */
  gboolean        updating;
  GHashTable     *sliders;  /* trait name → GtkRange (owned by traits_list) */

  AdwAvatar      *avatar;
  GtkLabel       *title_label;
  GtkButton      *image_button;
  GtkButton      *remove_image_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *role_row;
  AdwEntryRow    *correlation_row;
  GtkTextView    *background_view;
  GtkListBox     *goals_list;
  GtkListBox     *traits_list;
  CsTraitRadar   *radar;
  CsPersonaScenes *scenes_group;
  AdwEntryRow    *new_trait_row;
};

G_DEFINE_FINAL_TYPE (CsPersonaEditor, cs_persona_editor, GTK_TYPE_WIDGET)

/* The text fields and the persona's properties they edit. */
static const struct {
  gsize       offset;
  const char *property;
} text_fields[] = {
  { G_STRUCT_OFFSET (CsPersonaEditor, name_row), "name" },
  { G_STRUCT_OFFSET (CsPersonaEditor, role_row), "role" },
  { G_STRUCT_OFFSET (CsPersonaEditor, correlation_row), "correlation" },
  { G_STRUCT_OFFSET (CsPersonaEditor, background_view), "background" },
};

#define TEXT_FIELD(self, i) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), text_fields[(i)].offset))

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_PERSONA,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (CsPersonaEditor *self);

static void
apply (CsPersonaEditor *self,
       CsEdit          *edit)
{
  if (self->history == NULL || edit == NULL)
    {
      g_clear_object (&edit);
      return;
    }
  cs_edit_history_apply (self->history, edit);
}

static void
seal (CsPersonaEditor *self)
{
  if (self->history != NULL)
    cs_edit_history_seal (self->history);
}

static char *
dup_library_dir (CsPersonaEditor *self)
{
  return self->store ? g_path_get_dirname (cs_store_get_path (self->store)) : NULL;
}

/* ---- text fields ---------------------------------------------------------------------- */

/* The persona the bound fields edit (see cs_edit_field_bind_string()). */
static gpointer
edited_persona (gpointer owner)
{
  return CS_PERSONA_EDITOR (owner)->persona;
}

/* ---- goals ---------------------------------------------------------------------------- */

static GStrv
dup_goal_texts (CsPersonaEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ENTRY_ROW (row))
      g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (row)));
  return g_strv_builder_end (builder);
}

static void
set_goals (CsPersonaEditor    *self,
           const char * const *goals)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, goals);
  apply (self, cs_edit_property_new (self->persona, "primary-goals", &value));
}

static void
on_goal_changed (GtkEditable     *editable,
                 CsPersonaEditor *self)
{
  g_auto(GStrv) goals = NULL;

  if (self->updating || self->persona == NULL)
    return;

  goals = dup_goal_texts (self);
  if (!g_strv_equal ((const char * const *) goals, cs_persona_get_primary_goals (self->persona)))
    set_goals (self, (const char * const *) goals);
}

static guint
row_index (GtkWidget *row)
{
  guint i = 0;

  while ((row = gtk_widget_get_prev_sibling (row)) != NULL)
    i++;
  return i;
}

static void
on_remove_goal (GtkButton       *button,
                CsPersonaEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);
  const char * const *goals = cs_persona_get_primary_goals (self->persona);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  guint skip = row_index (row);

  for (guint i = 0; goals && goals[i]; i++)
    if (i != skip)
      g_strv_builder_add (builder, goals[i]);
  kept = g_strv_builder_end (builder);

  seal (self);
  set_goals (self, (const char * const *) kept);
  seal (self);
}

static void
on_add_goal (CsPersonaEditor *self)
{
  const char * const *goals;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) more = NULL;
  GtkWidget *last;

  if (self->persona == NULL)
    return;

  goals = cs_persona_get_primary_goals (self->persona);
  if (goals != NULL)
    g_strv_builder_addv (builder, (const char **) goals);
  g_strv_builder_add (builder, "");
  more = g_strv_builder_end (builder);

  seal (self);
  set_goals (self, (const char * const *) more);
  seal (self);

  last = gtk_widget_get_last_child (GTK_WIDGET (self->goals_list));
  if (last != NULL)
    gtk_widget_grab_focus (last);
}

static GtkWidget *
new_goal_row (CsPersonaEditor *self,
              guint            index)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = g_strdup_printf (_("Goal %u"), index + 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Goal"), -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_goal), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_goal_changed), self, 0);
  cs_edit_field_prepare (row, G_OBJECT (self));
  return row;
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n++;
  return n;
}

static void
refresh_goals (CsPersonaEditor *self)
{
  const char * const *goals = self->persona ? cs_persona_get_primary_goals (self->persona) : NULL;
  guint n = goals ? g_strv_length ((GStrv) goals) : 0;
  GtkWidget *row;

  /* Rebuilt only when the number changes, so that typing keeps the focus. */
  if (count_rows (self->goals_list) != n)
    {
      remove_all_rows (self->goals_list);
      for (guint i = 0; i < n; i++)
        gtk_list_box_append (self->goals_list, new_goal_row (self, i));
    }

  row = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list));
  for (guint i = 0; i < n && row != NULL; i++, row = gtk_widget_get_next_sibling (row))
    cs_edit_field_set_text (GTK_EDITABLE (row), goals[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->goals_list), n > 0);
}

/* ---- traits --------------------------------------------------------------------------- */

static void
on_slider_changed (GtkRange        *range,
                   CsPersonaEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (range), "cs-trait");
  int value = (int) (gtk_range_get_value (range) + 0.5);

  if (self->updating || self->persona == NULL)
    return;
  if (cs_persona_get_trait (self->persona, name) != value)
    apply (self, cs_edit_trait_new (self->persona, name, value));
}

static GtkWidget *
new_trait_row (CsPersonaEditor *self,
               const char      *name)
{
  g_autofree char *label = cs_ui_dup_trait_label (name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, CS_TRAIT_MIN,
                                               CS_TRAIT_MAX, 1);

  g_object_set (row, "use-markup", FALSE, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_scale_set_digits (GTK_SCALE (scale), 0);
  gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
  gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
  gtk_range_set_round_digits (GTK_RANGE (scale), 0);
  gtk_range_set_increments (GTK_RANGE (scale), 1, 1);
  /* One width for all, so that the sliders line up whatever the trait's name. */
  gtk_widget_set_size_request (scale, 200, -1);
  gtk_widget_set_valign (scale, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  g_object_set_data_full (G_OBJECT (scale), "cs-trait", g_strdup (name), g_free);
  g_signal_connect_object (scale, "value-changed", G_CALLBACK (on_slider_changed), self, 0);
  cs_edit_field_prepare (scale, G_OBJECT (self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), scale);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  g_hash_table_insert (self->sliders, g_strdup (name), scale);
  return row;
}

static void
on_new_trait (AdwEntryRow     *row,
              CsPersonaEditor *self)
{
  g_autofree char *lower = NULL;
  g_autofree char *name = NULL;

  if (self->persona == NULL)
    return;

  lower = g_utf8_strdown (g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)))), -1);
  name = g_strdelimit (g_strdup (lower), " -", '_');
  if (*name == '\0')
    return;

  if (cs_persona_get_trait (self->persona, name) < 0)
    {
      seal (self);
      apply (self, cs_edit_trait_new (self->persona, name, NEW_TRAIT_VALUE));
      seal (self);
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  {
    GtkRange *slider = cs_persona_editor_get_trait_slider (self, name);

    if (slider != NULL)
      gtk_widget_grab_focus (GTK_WIDGET (slider));
  }
}

static void
refresh_traits (CsPersonaEditor *self)
{
  g_auto(GStrv) names = self->persona ? cs_persona_dup_trait_names (self->persona) : NULL;
  guint n = names ? g_strv_length (names) : 0;
  gboolean same = g_hash_table_size (self->sliders) == n;

  for (guint i = 0; same && i < n; i++)
    same = g_hash_table_contains (self->sliders, names[i]);

  if (!same)
    {
      gtk_list_box_remove (self->traits_list, GTK_WIDGET (self->new_trait_row));
      remove_all_rows (self->traits_list);
      g_hash_table_remove_all (self->sliders);
      for (guint i = 0; i < n; i++)
        gtk_list_box_append (self->traits_list, new_trait_row (self, names[i]));
      gtk_list_box_append (self->traits_list, GTK_WIDGET (self->new_trait_row));
    }

  for (guint i = 0; i < n; i++)
    {
      GtkRange *range = g_hash_table_lookup (self->sliders, names[i]);
      int value = cs_persona_get_trait (self->persona, names[i]);

      if ((int) gtk_range_get_value (range) != value)
        gtk_range_set_value (range, value);
    }
}

/* ---- avatar image --------------------------------------------------------------------- */

static void
toast (CsPersonaEditor *self,
       const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    cs_ui_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_message ("%s", message);
}

typedef struct
{
  CsPersonaEditor *self;
  CsPersona       *persona;
  char            *display_name;
  char            *relative;
  GFile           *dest;
} ImageJob;

static void
image_job_free (ImageJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->persona);
  g_free (job->display_name);
  g_free (job->relative);
  g_clear_object (&job->dest);
  g_free (job);
}

static void
on_image_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ImageJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not copy the image into the library: %s"),
                                                      error->message);
          toast (job->self, message);
        }
    }
  else if (job->self->persona == job->persona)
    {
      apply (job->self, cs_edit_property_new_string (job->persona, "avatar-image", job->relative));
      seal (job->self);
    }
  image_job_free (job);
}

static void
on_image_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ImageJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *library_dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  const char *dot;

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not an image Case Studio can show"),
                                                      job->display_name);
          toast (job->self, message);
        }
      image_job_free (job);
      return;
    }

  library_dir = dup_library_dir (job->self);
  if (library_dir == NULL)
    {
      image_job_free (job);
      return;
    }
  folder = g_build_filename (library_dir, AVATAR_FOLDER, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("Could not copy the image into the library: %s"),
                                                  g_strerror (errno));
      toast (job->self, message);
      image_job_free (job);
      return;
    }

  /* A new name for each image: an older version of the case may still show the last one. */
  dot = strrchr (job->display_name, '.');
  uuid = g_uuid_string_random ();
  name = g_strdup_printf ("%s%s", uuid, dot && strlen (dot) <= 5 ? dot : ".png");
  job->relative = g_build_filename (AVATAR_FOLDER, name, NULL);
  job->dest = g_file_new_build_filename (library_dir, job->relative, NULL);
  /* Written to a temporary file and renamed: the library never has half an image. */
  g_file_replace_contents_bytes_async (job->dest, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       job->self->cancellable, on_image_written, job);
}

void
cs_persona_editor_set_image_file (CsPersonaEditor *self,
                                  GFile           *file)
{
  ImageJob *job;
  g_autofree char *basename = NULL;

  g_return_if_fail (CS_IS_PERSONA_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->persona == NULL || self->store == NULL)
    return;

  basename = g_file_get_basename (file);
  job = g_new0 (ImageJob, 1);
  job->self = g_object_ref (self);
  job->persona = g_object_ref (self->persona);
  job->display_name = g_utf8_make_valid (basename ? basename : "", -1);
  g_file_load_bytes_async (file, self->cancellable, on_image_loaded, job);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     CsPersonaEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        cs_persona_editor_set_image_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_choose_image (CsPersonaEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose an Image"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_remove_image (CsPersonaEditor *self)
{
  if (self->persona == NULL || cs_persona_get_avatar_image (self->persona) == NULL)
    return;

  seal (self);
  apply (self, cs_edit_property_new_string (self->persona, "avatar-image", NULL));
  seal (self);
}

/* ---- following the model -------------------------------------------------------------- */

static void
refresh (CsPersonaEditor *self)
{
  g_autofree char *library_dir = dup_library_dir (self);
  CsPersona *persona = self->persona;
  const char *name = persona ? cs_persona_get_name (persona) : NULL;

  self->updating = TRUE;

  cs_ui_show_persona_avatar (self->avatar, persona, library_dir);
  gtk_label_set_label (self->title_label, name && *name ? name : _("Unnamed Persona"));
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *field = TEXT_FIELD (self, i);

      if (persona != NULL)
        cs_edit_field_show_string (field, persona);
      else
        cs_edit_field_show_text (field, NULL);
    }

  refresh_goals (self);
  refresh_traits (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->image_button), persona && self->store);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_image_button),
                          persona && cs_persona_get_avatar_image (persona));
  gtk_widget_set_sensitive (GTK_WIDGET (self), persona != NULL && self->history != NULL);

  self->updating = FALSE;
}

/* The version moves on every change of the persona: one notify covers all its fields. */
static void
on_persona_notify (CsPersonaEditor *self)
{
  refresh (self);
}

/* ---- public --------------------------------------------------------------------------- */

GtkWidget *
cs_persona_editor_new (void)
{
  return g_object_new (CS_TYPE_PERSONA_EDITOR, NULL);
}

void
cs_persona_editor_set_history (CsPersonaEditor *self,
                               CsEditHistory   *history)
{
  g_return_if_fail (CS_IS_PERSONA_EDITOR (self));
  g_return_if_fail (!history || CS_IS_EDIT_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;
  cs_persona_scenes_set_history (self->scenes_group, history);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

void
cs_persona_editor_set_persona (CsPersonaEditor *self,
                               CsPersona       *persona)
{
  g_return_if_fail (CS_IS_PERSONA_EDITOR (self));
  g_return_if_fail (!persona || CS_IS_PERSONA (persona));

  if (persona == self->persona)
    return;

  seal (self);
  if (self->persona != NULL)
    g_clear_signal_handler (&self->notify_id, self->persona);
  g_set_object (&self->persona, persona);
  if (persona != NULL)
    self->notify_id = g_signal_connect_object (persona, "notify::version",
                                               G_CALLBACK (on_persona_notify), self,
                                               G_CONNECT_SWAPPED);
  cs_trait_radar_set_persona (self->radar, persona);
  cs_persona_scenes_set_persona (self->scenes_group, persona);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
}

CsPersonaScenes *
cs_persona_editor_get_scenes (CsPersonaEditor *self)
{
  g_return_val_if_fail (CS_IS_PERSONA_EDITOR (self), NULL);

  return self->scenes_group;
}

CsPersona *
cs_persona_editor_get_persona (CsPersonaEditor *self)
{
  g_return_val_if_fail (CS_IS_PERSONA_EDITOR (self), NULL);

  return self->persona;
}

void
cs_persona_editor_set_store (CsPersonaEditor *self,
                             CsStore         *store)
{
  g_return_if_fail (CS_IS_PERSONA_EDITOR (self));
  g_return_if_fail (!store || CS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GtkRange *
cs_persona_editor_get_trait_slider (CsPersonaEditor *self,
                                    const char      *name)
{
  g_return_val_if_fail (CS_IS_PERSONA_EDITOR (self), NULL);

  return g_hash_table_lookup (self->sliders, name);
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
cs_persona_editor_dispose (GObject *object)
{
  CsPersonaEditor *self = CS_PERSONA_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->persona != NULL)
    g_clear_signal_handler (&self->notify_id, self->persona);
  g_clear_object (&self->persona);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->new_trait_row);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_PERSONA_EDITOR);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sliders, g_hash_table_unref);

  G_OBJECT_CLASS (cs_persona_editor_parent_class)->dispose (object);
}

static void
cs_persona_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CsPersonaEditor *self = CS_PERSONA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_PERSONA:
      g_value_set_object (value, self->persona);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_persona_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CsPersonaEditor *self = CS_PERSONA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      cs_persona_editor_set_history (self, g_value_get_object (value));
      break;
    case PROP_PERSONA:
      cs_persona_editor_set_persona (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      cs_persona_editor_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_persona_editor_class_init (CsPersonaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_persona_editor_dispose;
  object_class->get_property = cs_persona_editor_get_property;
  object_class->set_property = cs_persona_editor_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, CS_TYPE_EDIT_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSONA] =
    g_param_spec_object ("persona", NULL, NULL, CS_TYPE_PERSONA,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CS_TYPE_TRAIT_RADAR);
  g_type_ensure (CS_TYPE_PERSONA_SCENES);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-persona-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, avatar);
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, image_button);
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, remove_image_button);
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, correlation_row);
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, background_view);
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, goals_list);
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, traits_list);
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, radar);
  gtk_widget_class_bind_template_child (widget_class, CsPersonaEditor, scenes_group);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_image);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_image);
  gtk_widget_class_bind_template_callback (widget_class, on_add_goal);
}

static void
cs_persona_editor_init (CsPersonaEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->sliders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    cs_edit_field_bind_string (TEXT_FIELD (self, i), G_OBJECT (self), edited_persona,
                               text_fields[i].property);

  /* The last row of the traits: type a name to add a trait. */
  self->new_trait_row = ADW_ENTRY_ROW (g_object_ref_sink (adw_entry_row_new ()));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_trait_row), _("Add Trait"));
  adw_entry_row_set_show_apply_button (self->new_trait_row, TRUE);
  g_signal_connect_object (self->new_trait_row, "apply", G_CALLBACK (on_new_trait), self, 0);
  g_signal_connect_object (self->new_trait_row, "entry-activated", G_CALLBACK (on_new_trait), self, 0);
  gtk_list_box_append (self->traits_list, GTK_WIDGET (self->new_trait_row));

  refresh (self);
}
