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

/* What a student may type: never markup, never a broken label. */
static void
test_hostile (void)
{
  check ("<span foreground=\"red\">red</span>",
         "&lt;span foreground=&quot;red&quot;&gt;red&lt;/span&gt;");
  check ("unclosed <b>tag", "unclosed &lt;b&gt;tag");
  check ("&amp; &lt; &#60; &#x3c; &bogus; &", "&amp;amp; &amp;lt; &amp;#60; &amp;#x3c; &amp;bogus; &amp;");
  check ("]]><!-- <?xml?>", "]]&gt;&lt;!-- &lt;?xml?&gt;");
  check ("**<span>**", "<b>&lt;span&gt;</b>");
  check ("# <i>title", "<b>&lt;i&gt;title</b>");
  check ("- <b>item", "  • &lt;b&gt;item");
  check ("1. &x", "  1. &amp;x");
  /* control characters are kept, as character references Pango accepts */
  check ("a\001b\033[1mc\r", "a&#x1;b&#x1b;[1mc\r");
  check ("tab\tand\vvt", "tab\tand&#xb;vt");
  /* delimiters that touch the end of a span, or each other */
  check ("*", "*");
  check ("**", "**");
  check ("***", "<i>*</i>");
  check ("`", "`");
  check ("_*_*", "<i>*</i>*");
  check ("**a*", "<i>*a</i>");
  check ("*a**", "<i>a</i>*");
}

/* Text that is not UTF-8 (a damaged library) becomes valid markup, not a Pango error. */
static void
test_invalid_utf8 (void)
{
  g_autofree char *markup = cs_markdown_to_pango ("caf\xe9 **\xff\xfe** ok");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_utf8_validate (markup, -1, NULL));
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "caf\xef\xbf\xbd "));
  g_assert_true (g_str_has_suffix (text, " ok"));
}

/* A very long line of delimiters that never close: linear, not quadratic (400,000
 * characters here: milliseconds; the quadratic search took over half a minute, past the
 * test's timeout), and shown whole. */
static void
test_long_line (void)
{
  GString *line = g_string_new (NULL);
  GString *expected = g_string_new (NULL);

  for (guint i = 0; i < 40000; i++)
    {
      g_string_append (line, "*a & _b < ");
      g_string_append (expected, "*a &amp; _b &lt; ");
    }
  check (line->str, expected->str);
  g_string_free (line, TRUE);
  g_string_free (expected, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/markdown/spans", test_spans);
  g_test_add_func ("/ui/markdown/blocks", test_blocks);
  g_test_add_func ("/ui/markdown/escaping", test_escaping);
  g_test_add_func ("/ui/markdown/hostile", test_hostile);
  g_test_add_func ("/ui/markdown/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/ui/markdown/long-line", test_long_line);
  return g_test_run ();
}
