/* test-chat-speed.c: the chat's message rows render a message's Markdown once, keep
 * streaming replies as plain text, and show hostile student text as written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are recycled while the list scrolls, so binding one must not parse anything again:
 * two rows showing one complete message share its rendered attributes, and a row rebound
 * to it gets the same ones back. Real rows in a real window under the test display.
 */

#include "config.h"

#include "ui-test-util.h"

#include <adwaita.h>

#include "cs-message-row.h"

/* The row's message text: the selectable label in its bubble. */
static GtkLabel *
text_label (GtkWidget *row)
{
  GtkLabel *found = NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (row); c && !found; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_label_get_selectable (GTK_LABEL (c)))
        return GTK_LABEL (c);
      found = text_label (c);
    }
  return found;
}

static CsMessage *
complete_message (CsMessageKind  kind,
                  const char    *content)
{
  CsMessage *message = cs_message_new (kind, kind == CS_MESSAGE_KIND_PERSONA ? "Ana Ruiz" : NULL,
                                       content);

  cs_message_set_is_complete (message, TRUE);
  return message;
}

/* Whether @attrs has a bold span over @start..@end (bytes) of the text. */
static gboolean
has_bold (PangoAttrList *attrs,
          guint          start,
          guint          end)
{
  g_autoptr(GSList) list = attrs ? pango_attr_list_get_attributes (attrs) : NULL;
  gboolean found = FALSE;

  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_WEIGHT &&
          ((PangoAttrInt *) attr)->value == PANGO_WEIGHT_BOLD &&
          attr->start_index == start && attr->end_index == end)
        found = TRUE;
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
  return found;
}

static void
test_rendered_once (void)
{
  g_autoptr(CsMessage) message = complete_message (CS_MESSAGE_KIND_PERSONA,
                                                   "The margin is **7 percent**.");
  g_autoptr(CsMessage) other = complete_message (CS_MESSAGE_KIND_PERSONA, "Plain *words*.");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *first = cs_message_row_new ();
  GtkWidget *second = cs_message_row_new ();
  PangoAttrList *attrs;

  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, -1);
  gtk_window_present (GTK_WINDOW (window));

  cs_message_row_bind (CS_MESSAGE_ROW (first), message, NULL);
  g_assert_cmpstr (gtk_label_get_text (text_label (first)), ==, "The margin is 7 percent.");
  attrs = gtk_label_get_attributes (text_label (first));
  g_assert_true (has_bold (attrs, 14, 23));

  /* another row (a recycled one, as the list scrolls) gets the same rendering, not a new one */
  cs_message_row_bind (CS_MESSAGE_ROW (second), message, NULL);
  g_assert_true (gtk_label_get_attributes (text_label (second)) == attrs);
  cs_message_row_bind (CS_MESSAGE_ROW (first), other, NULL);
  g_assert_cmpstr (gtk_label_get_text (text_label (first)), ==, "Plain words.");
  g_assert_false (gtk_label_get_attributes (text_label (first)) == attrs);
  cs_message_row_bind (CS_MESSAGE_ROW (first), message, NULL);
  g_assert_true (gtk_label_get_attributes (text_label (first)) == attrs);
  g_assert_cmpstr (gtk_label_get_text (text_label (first)), ==, "The margin is 7 percent.");

  /* a changed content is rendered anew */
  cs_message_set_content (message, "Now **9**.");
  g_assert_cmpstr (gtk_label_get_text (text_label (first)), ==, "Now 9.");
  g_assert_cmpstr (gtk_label_get_text (text_label (second)), ==, "Now 9.");
  g_assert_true (has_bold (gtk_label_get_attributes (text_label (first)), 4, 5));

  ui_test_save_screenshot (window, "chat-speed-rows.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_streaming_plain (void)
{
  g_autoptr(CsMessage) reply = cs_message_new (CS_MESSAGE_KIND_PERSONA, "Ana Ruiz", "");
  GtkWidget *row = g_object_ref_sink (cs_message_row_new ());

  cs_message_set_is_complete (reply, FALSE);
  cs_message_row_bind (CS_MESSAGE_ROW (row), reply, NULL);
  g_assert_cmpstr (gtk_label_get_text (text_label (row)), ==, "…");

  /* half a bold span while it streams: shown as it came, no markup */
  cs_message_append_content (reply, "It is **urg");
  g_assert_cmpstr (gtk_label_get_text (text_label (row)), ==, "It is **urg …");
  g_assert_null (gtk_label_get_attributes (text_label (row)));
  g_assert_false (gtk_label_get_use_markup (text_label (row)));

  cs_message_append_content (reply, "ent**.");
  cs_message_set_is_complete (reply, TRUE);
  g_assert_cmpstr (gtk_label_get_text (text_label (row)), ==, "It is urgent.");
  g_assert_true (has_bold (gtk_label_get_attributes (text_label (row)), 6, 12));

  cs_message_row_bind (CS_MESSAGE_ROW (row), NULL, NULL);
  g_object_unref (row);
}

/* Student text that looks like markup is shown as written, with no warning (warnings are
 * fatal in tests) and nothing lost. */
static void
test_hostile_student_text (void)
{
  static const struct { const char *typed; const char *shown; } cases[] = {
    { "<span foreground='red' size='900000'>big</span>", "<span foreground='red' size='900000'>big</span>" },
    { "unclosed <b>tag and <i", "unclosed <b>tag and <i" },
    { "R&D &amp; &lt;b&gt; &#x41; &bogus;", "R&D &amp; &lt;b&gt; &#x41; &bogus;" },
    { "</span></b>]]><!--", "</span></b>]]><!--" },
    { "**bold <u>x</u>**", "bold <u>x</u>" },
    { "tab\there, bell\a, escape \033[31mred", "tab\there, bell\a, escape \033[31mred" },
  };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = cs_message_row_new ();

  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, -1);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CsMessage) message = complete_message (CS_MESSAGE_KIND_USER, cases[i].typed);

      cs_message_row_bind (CS_MESSAGE_ROW (row), message, NULL);
      g_assert_cmpstr (gtk_label_get_text (text_label (row)), ==, cases[i].shown);
      ui_test_settle (20);
    }

  /* a very long line of unmatched delimiters and markup characters, shown whole */
  {
    GString *typed = g_string_new (NULL);
    g_autoptr(CsMessage) message = NULL;

    for (guint i = 0; i < 20000; i++)
      g_string_append (typed, "*a & _b < `c ");
    message = complete_message (CS_MESSAGE_KIND_USER, typed->str);
    cs_message_row_bind (CS_MESSAGE_ROW (row), message, NULL);
    g_assert_cmpstr (gtk_label_get_text (text_label (row)), ==, typed->str);
    g_string_free (typed, TRUE);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row lays itself out without asking its text for widths (see cs-text-layout.h): its
 * height still follows its width, the text fills the bubble, and a short system line sits
 * in the middle at its own width while a long one fills the row. */
static void
test_layout (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(CsMessage) persona = NULL;
  g_autoptr(CsMessage) note = complete_message (CS_MESSAGE_KIND_SYSTEM, "Time's up.");
  g_autoptr(CsMessage) long_note = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = cs_message_row_new ();
  GtkWidget *label, *bubble;
  graphene_rect_t bounds, row_bounds;
  int narrow, wide, min, nat;

  for (guint i = 0; i < 40; i++)
    g_string_append (long_text, "The plant ran below capacity for most of the year. ");
  persona = complete_message (CS_MESSAGE_KIND_PERSONA, long_text->str);
  long_note = complete_message (CS_MESSAGE_KIND_SYSTEM, long_text->str);
  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, -1);
  gtk_window_present (GTK_WINDOW (window));

  cs_message_row_bind (CS_MESSAGE_ROW (row), persona, NULL);
  label = GTK_WIDGET (text_label (row));
  bubble = gtk_widget_get_parent (label);
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 300, &narrow, &nat, NULL, NULL);
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 900, &wide, &nat, NULL, NULL);
  g_assert_cmpint (narrow, >, wide + 100);
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, >, 0);
  g_assert_cmpint (min, <, 300);

  ui_test_settle (50);
  /* the label fills the bubble's content and is as tall as its wrapped text */
  g_assert_true (gtk_widget_compute_bounds (label, bubble, &bounds));
  g_assert_cmpint (gtk_widget_get_width (label), >, gtk_widget_get_width (bubble) - 40);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (label), &min, &nat,
                      NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (label), ==, min);
  g_assert_cmpint (gtk_widget_get_height (row), >, 5 * 14);

  /* a short system line: in the middle, as wide as its text */
  cs_message_row_bind (CS_MESSAGE_ROW (row), note, NULL);
  ui_test_settle (50);
  label = GTK_WIDGET (text_label (row));
  g_assert_true (gtk_widget_compute_bounds (label, row, &bounds));
  g_assert_true (gtk_widget_compute_bounds (row, row, &row_bounds));
  g_assert_cmpfloat (bounds.size.width, <, row_bounds.size.width / 2);
  g_assert_cmpfloat (ABS ((bounds.origin.x + bounds.size.width / 2) - row_bounds.size.width / 2), <, 16);

  /* a long one fills the row */
  cs_message_row_bind (CS_MESSAGE_ROW (row), long_note, NULL);
  ui_test_settle (50);
  g_assert_true (gtk_widget_compute_bounds (label, row, &bounds));
  g_assert_cmpfloat (bounds.size.width, >, row_bounds.size.width - 40);

  /* back to a persona: the bubble fills the row again, next to the avatar */
  cs_message_row_bind (CS_MESSAGE_ROW (row), persona, NULL);
  ui_test_settle (50);
  g_assert_true (gtk_widget_compute_bounds (label, row, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >, 32);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >, row_bounds.size.width - 30);
  ui_test_save_screenshot (window, "chat-speed-layout.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/chat-speed/rendered-once", test_rendered_once);
  g_test_add_func ("/ui/chat-speed/streaming-plain", test_streaming_plain);
  g_test_add_func ("/ui/chat-speed/hostile-student-text", test_hostile_student_text);
  g_test_add_func ("/ui/chat-speed/layout", test_layout);
  return g_test_run ();
}
