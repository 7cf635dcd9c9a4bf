/* cs-ui-util.c: small helpers shared by the widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cs-ui-util.h"

const char *
cs_ui_difficulty_label (CsDifficulty difficulty)
{
  switch (difficulty)
    {
    case CS_DIFFICULTY_BEGINNER:
      return _("Beginner");
    case CS_DIFFICULTY_INTERMEDIATE:
      return _("Intermediate");
    case CS_DIFFICULTY_ADVANCED:
      return _("Advanced");
    default:
      return "";
    }
}

const char *
cs_ui_involvement_label (CsInvolvement involvement)
{
  switch (involvement)
    {
    case CS_INVOLVEMENT_KEY:
      return _("Key");
    case CS_INVOLVEMENT_PARTICIPANT:
      return _("Participant");
    case CS_INVOLVEMENT_MENTIONED:
      return _("Mentioned");
    default:
      return "";
    }
}

char *
cs_ui_dup_scenario_meta (CsScenario *scenario,
                         gboolean    with_duration)
{
  GString *s = g_string_new (NULL);
  const char *industry = cs_scenario_get_industry (scenario);
  int minutes = cs_scenario_get_estimated_duration (scenario);

  if (industry && *industry)
    g_string_append (s, industry);
  if (s->len)
    g_string_append (s, " · ");
  g_string_append (s, cs_ui_difficulty_label (cs_scenario_get_difficulty (scenario)));
  if (with_duration && minutes > 0)
    /* Translators: a duration in minutes; keep the no-break space before "min" */
    g_string_append_printf (s, _(" · %d min"), minutes);

  return g_string_free (s, FALSE);
}

char *
cs_ui_dup_trait_label (const char *trait)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (trait), "_-", ' ');
  gunichar first = g_utf8_get_char (spaced);
  char buf[8] = { 0 };

  if (!*spaced)
    return g_strdup ("");
  g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strconcat (buf, g_utf8_next_char (spaced), NULL);
}

GtkWidget *
cs_ui_new_traits_grid (CsPersona *persona)
{
  g_auto(GStrv) names = cs_persona_dup_trait_names (persona);
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  for (guint i = 0; names && names[i]; i++)
    {
      g_autofree char *label_text = cs_ui_dup_trait_label (names[i]);
      g_autofree char *value_text = g_strdup_printf ("%d", cs_persona_get_trait (persona, names[i]));
      GtkWidget *label = gtk_label_new (label_text);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, CS_TRAIT_MAX);
      GtkWidget *value = gtk_label_new (value_text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), cs_persona_get_trait (persona, names[i]));
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label_text, -1);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "dim-label");

      gtk_grid_attach (GTK_GRID (grid), label, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), bar, 1, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value, 2, i, 1, 1);
    }

  return grid;
}

void
cs_ui_show_persona_avatar (gpointer    avatar,
                           CsPersona  *persona,
                           const char *library_dir)
{
  const char *image = persona ? cs_persona_get_avatar_image (persona) : NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_return_if_fail (ADW_IS_AVATAR (avatar));

  adw_avatar_set_text (avatar, persona ? cs_persona_get_name (persona) : NULL);
  if (image != NULL && *image != '\0')
    {
      g_autoptr(GFile) file = NULL;

      if (g_str_has_prefix (image, "resource://"))
        file = g_file_new_for_uri (image);
      else if (g_path_is_absolute (image))
        file = g_file_new_for_path (image);
      else if (library_dir != NULL)
        {
          g_autofree char *path = g_build_filename (library_dir, image, NULL);
          file = g_file_new_for_path (path);
        }
      if (file != NULL)
        texture = gdk_texture_new_from_file (file, NULL);
    }
  adw_avatar_set_custom_image (avatar, GDK_PAINTABLE (texture));
}

/* libadwaita 1.2 crashes when a toast is dismissed while its show animation runs; it also
 * crashes showing a toast that a high-priority one pushed back. A queued toast appears when
 * the one before it has gone: its hide animation (0.3 s) and then its own show animation
 * (0.3 s) run after that one's dismissal, later still when frames are late on a busy
 * machine. So every toast of an overlay goes through here: a new one dismisses the one
 * before it only this long after that one was due to appear, and is queued behind it. */
#define TOAST_SETTLE_US (1500 * G_TIME_SPAN_MILLISECOND)

typedef struct {
  AdwToast *toast;     /* the newest, shown or queued */
  gint64    shown_us;  /* when it appears (monotonic) */
} OverlayToasts;

static void
overlay_toasts_free (gpointer data)
{
  OverlayToasts *state = data;

  g_clear_object (&state->toast);
  g_free (state);
}

static OverlayToasts *
overlay_toasts (AdwToastOverlay *overlay)
{
  OverlayToasts *state = g_object_get_data (G_OBJECT (overlay), "cs-toasts");

  if (!state)
    {
      state = g_new0 (OverlayToasts, 1);
      g_object_set_data_full (G_OBJECT (overlay), "cs-toasts", state, overlay_toasts_free);
    }
  return state;
}

static void
mark_toast_dismissed (AdwToast *toast)
{
  g_object_set_data (G_OBJECT (toast), "cs-dismissed", GINT_TO_POINTER (TRUE));
}

static gboolean
dismiss_toast_cb (gpointer data)
{
  AdwToast *toast = data;

  if (!g_object_get_data (G_OBJECT (toast), "cs-dismissed"))
    adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

static void
forget_toast (AdwToast        *toast,
              AdwToastOverlay *overlay)
{
  OverlayToasts *state = overlay_toasts (overlay);

  if (state->toast == toast)
    g_clear_object (&state->toast);
}

gint64
cs_ui_overlay_dismiss_toast (AdwToastOverlay *overlay,
                             AdwToast        *toast)
{
  OverlayToasts *state = overlay_toasts (overlay);
  gint64 now = g_get_monotonic_time ();
  gint64 at;

  if (toast == NULL || state->toast != toast)
    return now;

  at = MAX (now, state->shown_us + TOAST_SETTLE_US);
  if (at == now)
    dismiss_toast_cb (toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, (at - now) / G_TIME_SPAN_MILLISECOND + 1,
                        dismiss_toast_cb, g_object_ref (toast), g_object_unref);
  g_clear_object (&state->toast);
  return at;
}

void
cs_ui_overlay_add_toast (AdwToastOverlay *overlay,
                         AdwToast        *toast)
{
  OverlayToasts *state = overlay_toasts (overlay);
  gint64 shown_us = state->toast ? cs_ui_overlay_dismiss_toast (overlay, state->toast)
                                 : g_get_monotonic_time ();

  state->toast = g_object_ref (toast);
  state->shown_us = shown_us;
  g_signal_connect (toast, "dismissed", G_CALLBACK (mark_toast_dismissed), NULL);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (forget_toast), overlay, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

void
cs_ui_add_toast (GtkWidget *widget,
                 gpointer   toast,
                 gpointer   fallback)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkWidget *overlay = parent ? gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY) : NULL;

  cs_ui_overlay_add_toast (overlay ? ADW_TOAST_OVERLAY (overlay) : fallback, toast);
}

char *
cs_ui_dup_percent (double fraction)
{
  /* Translators: a grade or a completion, e.g. "85%" */
  return fraction < 0 ? g_strdup ("—") : g_strdup_printf (_("%.0f%%"), fraction * 100);
}

void
cs_ui_get_colors (GtkWidget *widget,
                  GdkRGBA   *text,
                  GdkRGBA   *accent)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);

  if (text)
    gtk_style_context_get_color (style, text);
  if (accent && !gtk_style_context_lookup_color (style, "accent_bg_color", accent))
    *accent = (GdkRGBA) { 0.21f, 0.52f, 0.89f, 1.0f };
}

void
cs_ui_snapshot_layout (GtkSnapshot   *snapshot,
                       PangoLayout   *layout,
                       const GdkRGBA *color,
                       float          x,
                       float          y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}
