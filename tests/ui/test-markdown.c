/* test-markdown.c: the chat's Markdown as Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pango.h>

#include "cs-markdown.h"

static void
check (const char *markdown,
       const char *expected)
{
  g_autofree char *markup = cs_markdown_to_pango (markdown);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (markup, ==, expected);
  /* always valid markup, whatever the reply says */
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_spans (void)
{
  check ("The margin is **7 percent**.", "The margin is <b>7 percent</b>.");
  check ("It is *not* a *yes*.", "It is <i>not</i> a <i>yes</i>.");
  check ("Run `SELECT 1` now", "Run <tt>SELECT 1</tt> now");
  check ("**bold with *italic* inside**", "<b>bold with <i>italic</i> inside</b>");
  check ("snake_case_name stays", "snake_case_name stays");
  check ("2 * 3 * 4 is arithmetic", "2 * 3 * 4 is arithmetic");
  check ("an unclosed **star", "an unclosed **star");
}

static void
test_blocks (void)
{
  check ("# Options\n- accept\n- decline\n1. first\n\nDone.",
         "<b>Options</b>\n  • accept\n  • decline\n  1. first\n\nDone.");
  check ("#hashtag is text", "#hashtag is text");
}

static void
test_escaping (void)
{
  check ("R&D <b>not markup</b> & \"quotes\"",
         "R&amp;D &lt;b&gt;not markup&lt;/b&gt; &amp; &quot;quotes&quot;");
  check ("**<i>**", "<b>&lt;i&gt;</b>");
  check ("`<tt>`", "<tt>&lt;tt&gt;</tt>");
  check ("", "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/markdown/spans", test_spans);
  g_test_add_func ("/ui/markdown/blocks", test_blocks);
  g_test_add_func ("/ui/markdown/escaping", test_escaping);
  return g_test_run ();
}
