/* ui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "ui-test-util.h"

void
ui_test_wait_for (Condition   cond,
                  gpointer    data,
                  const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
ui_test_settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
ui_test_widget_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

GdkTexture *
ui_test_render (GtkWidget *widget)
{
  int w, h;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  ui_test_wait_for (ui_test_widget_drawn, widget, "the widget on screen");
  ui_test_settle (300);
  /* On a busy machine the first frame may not have been drawn yet: the paintable has no
   * node until it has. */
  for (guint tries = 0; ; tries++)
    {
      w = gtk_widget_get_width (widget);
      h = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node || tries == 100)
        break;
      ui_test_settle (100);
      snapshot = gtk_snapshot_new ();
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, w, h));
}

void
ui_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_autoptr(GdkTexture) texture = ui_test_render (widget);
  g_autofree char *path = g_build_filename (g_getenv ("CS_BUILD_DIR"), "tests", "ui", name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
ui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ui_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* ---- finding widgets ------------------------------------------------------------------ */

GtkWidget *
ui_test_find_type (GtkWidget *root,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = ui_test_find_type (c, type);

      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
ui_test_find_text (GtkWidget  *root,
                   const char *text)
{
  const char *shown = GTK_IS_LABEL (root) ? gtk_label_get_label (GTK_LABEL (root))
                      : GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root)) : NULL;

  if (shown != NULL && strstr (shown, text) != NULL && gtk_widget_is_drawable (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = ui_test_find_text (c, text);

      if (found)
        return found;
    }
  return NULL;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} Wanted;

static gboolean
text_shown (gpointer data)
{
  Wanted *wanted = data;

  return ui_test_find_text (wanted->root, wanted->text) != NULL;
}

void
ui_test_wait_for_text (GtkWidget  *root,
                       const char *text)
{
  Wanted wanted = { root, text };

  ui_test_wait_for (text_shown, &wanted, text);
}

gpointer
ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

GtkCssProvider *
ui_test_use_app_style (void)
{
  GtkCssProvider *css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, "/org/casestudio/CaseStudio/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return css;
}

static void
painted (GdkFrameClock *clock,
         gboolean      *done)
{
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
ui_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean done = FALSE;
  gulong id;

  ui_test_wait_for (ui_test_widget_drawn, widget, "the window on screen");
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted), &done);
  gtk_widget_queue_draw (widget);
  ui_test_wait_for (is_true, &done, "a frame painted");
  g_signal_handler_disconnect (clock, id);
}

GtkWidget *
ui_test_find_action_button (GtkWidget  *root,
                            const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = ui_test_find_action_button (c, action);

      if (found)
        return found;
    }
  return NULL;
}
