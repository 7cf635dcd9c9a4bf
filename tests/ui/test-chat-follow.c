/* test-chat-follow.c: the chat keeps the newest message in view at the end of a turn, and
 * leaves a student who scrolled back to read where they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list's rows are measured only once they are near the view, so the height of a turn's
 * last messages (a long reply, then a hint) is known only after they were added. A real chat
 * window under the test display, playing the sample case with the offline engine.
 */

#include "config.h"

#include "ui-test-util.h"

#include <adwaita.h>

#include "cs-chat-window.h"
#include "cs-model.h"
#include "cs-offline-provider.h"
#include "cs-orchestrator.h"

static GtkAdjustment *
chat_adjustment (CsChatWindow *chat)
{
  GtkWidget *list = ui_test_find_type (GTK_WIDGET (chat), GTK_TYPE_LIST_VIEW);
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

static gboolean
at_end (GtkAdjustment *adjustment)
{
  return gtk_adjustment_get_value (adjustment) >=
         gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 1;
}

static gboolean
turn_done (gpointer data)
{
  return !cs_orchestrator_get_busy (cs_chat_window_get_orchestrator (data));
}

static guint
count_kind (CsChatWindow  *chat,
            CsMessageKind  kind)
{
  GListModel *messages = cs_orchestrator_get_messages (cs_chat_window_get_orchestrator (chat));
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (messages, i);

      count += cs_message_get_kind (message) == kind;
    }
  return count;
}

static void
play (CsChatWindow *chat,
      const char   *text)
{
  cs_chat_window_send (chat, text);
  ui_test_wait_for (turn_done, chat, "the end of the turn");
  /* the rows of the turn are measured and the view has settled */
  ui_test_settle (400);
}

static void
test_follow (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) sample = cs_scenario_format_load_file (file, NULL, &error);
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  CsChatWindow *chat;
  GtkAdjustment *adjustment;

  g_assert_no_error (error);
  chat = cs_chat_window_new (NULL, sample, CS_LLM_PROVIDER (provider), NULL, FALSE, &error);
  g_assert_no_error (error);
  /* a short window: a turn's messages do not fit in it */
  gtk_window_set_default_size (GTK_WINDOW (chat), 560, 480);
  gtk_window_present (GTK_WINDOW (chat));
  ui_test_wait_for (ui_test_widget_drawn, chat, "the chat window");
  adjustment = chat_adjustment (chat);

  play (chat, "begin");
  g_assert_true (at_end (adjustment));

  /* Two checks failed in a row: a reply, then a hint, both below what was in view. */
  play (chat, "@Margaret what is the decision about Kellerton and when is the October 17 "
              "deadline?");
  play (chat, "Did you see the match last night?");
  g_assert_cmpuint (count_kind (chat, CS_MESSAGE_KIND_HINT), ==, 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  g_assert_true (at_end (adjustment));
  ui_test_save_screenshot (GTK_WIDGET (chat), "chat-follow.png");

  /* Scrolled back to read: what the student reads stays in view while the window's
   * size changes. */
  gtk_adjustment_set_value (adjustment, 0);
  ui_test_settle (200);
  gtk_window_set_default_size (GTK_WINDOW (chat), 600, 460);
  ui_test_settle (400);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, 1);

  /* Writing again brings the end back. */
  play (chat, "What are the business drivers: the lost Tri-County contract and the margin?");
  g_assert_true (at_end (adjustment));

  gtk_window_destroy (GTK_WINDOW (chat));
  ui_test_settle (100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_test_skip ("no display: run under Xvfb (build-aux/check does)");
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/ui/chat-follow/newest-in-view", test_follow);

  return g_test_run ();
}
