/* ui-test-util.h: waiting on the main loop and saving screenshots in the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @cond holds; fails the test after 10 s, naming @what. */
void ui_test_wait_for       (Condition   cond,
                             gpointer    data,
                             const char *what);
/* Runs the main loop for @ms milliseconds. */
void ui_test_settle         (guint       ms);
/* A Condition: @data (a widget) is on screen. */
gboolean ui_test_widget_drawn (gpointer data);
/* Waits until @widget is on screen, then draws it (as it is now) into a texture. */
GdkTexture *ui_test_render (GtkWidget *widget);
/* Waits until @widget is on screen, then writes it as tests/ui/@name in the build dir. */
void ui_test_save_screenshot (GtkWidget  *widget,
                              const char *name);

/* Waits until @widget is on screen and then for its window to paint one more frame (a busy
 * machine may take longer than ui_test_save_screenshot's settling time to draw the first). */
void ui_test_wait_for_frame  (GtkWidget  *widget);

/* Deletes @path and everything under it (the tests' temporary folders). */
void ui_test_remove_tree     (const char *path);
/* The first widget of @type at or under @root, depth first. */
GtkWidget *ui_test_find_type     (GtkWidget  *root,
                                  GType       type);
/* The first button at or under @root, depth first, whose action is @action ("win.foo"). */
GtkWidget *ui_test_find_action_button (GtkWidget  *root,
                                       const char *action);
/* A drawn label or button under @root whose text (with its mnemonic marks) holds @text. */
GtkWidget *ui_test_find_text     (GtkWidget  *root,
                                  const char *text);
/* Runs the main loop until ui_test_find_text() finds @text; fails the test after 10 s. */
void       ui_test_wait_for_text (GtkWidget  *root,
                                  const char *text);
/* The first open window of @type, or NULL. */
gpointer   ui_test_find_toplevel (GType       type);
/* Loads the application's style sheet for the default display, as CsApplication does;
 * returns its provider (keep it for as long as the style is wanted). */
GtkCssProvider *ui_test_use_app_style (void);

G_END_DECLS
