/* test-join-link.c: parsing and writing case-studio://join links (no server needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-join-link.h"

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsJoinLink) link = cs_join_link_new ("db.example.edu", 6432, "cases_2027", " ab12cd34-EF567890 ", &error);
  g_autoptr(CsJoinLink) back = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (link->code, ==, "AB12CD34-EF567890");
  text = cs_join_link_to_string (link);
  g_assert_cmpstr (text, ==, "case-studio://join?host=db.example.edu&port=6432&db=cases_2027&code=AB12CD34-EF567890");
  back = cs_join_link_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->host, ==, "db.example.edu");
  g_assert_cmpint (back->port, ==, 6432);
  g_assert_cmpstr (back->database, ==, "cases_2027");
  g_assert_cmpstr (back->code, ==, "AB12CD34-EF567890");
  g_assert_cmpint (back->listen_port, ==, 0);

  /* Behind a pooler, the port for live updates goes along. */
  link->listen_port = 5432;
  g_free (text);
  text = cs_join_link_to_string (link);
  g_assert_cmpstr (text, ==, "case-studio://join?host=db.example.edu&port=6432&db=cases_2027&code=AB12CD34-EF567890&listen=5432");
  g_clear_pointer (&back, cs_join_link_free);
  back = cs_join_link_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->port, ==, 6432);
  g_assert_cmpint (back->listen_port, ==, 5432);
}

static void
test_defaults_and_tolerance (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsJoinLink) link = NULL;

  /* Port and database have defaults; unknown parameters, case, spaces and escapes pass. */
  link = cs_join_link_parse ("  CASE-STUDIO://join?code=ab12cd34-ef567890&host=10.0.0.7&lang=fr\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link->host, ==, "10.0.0.7");
  g_assert_cmpint (link->port, ==, 5432);
  g_assert_cmpstr (link->database, ==, "casestudio");
  g_assert_cmpstr (link->code, ==, "AB12CD34-EF567890");
  g_clear_pointer (&link, cs_join_link_free);

  link = cs_join_link_parse ("case-studio://join/?host=server%2Dpg.lan&db=case%5Fstudio&code=C0DE-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link->host, ==, "server-pg.lan");
  g_assert_cmpstr (link->database, ==, "case_studio");
}

static void
test_bad_links (void)
{
  const char *bad[] = {
    "",
    "not a link at all",
    "https://join?host=a.b&code=AB12CD34",
    "case-studio://open?host=a.b&code=AB12CD34",
    "case-studio://join/extra?host=a.b&code=AB12CD34",
    "case-studio://join",
    "case-studio://join?code=AB12CD34",                      /* no host */
    "case-studio://join?host=a.b",                           /* no code */
    "case-studio://join?host=&code=AB12CD34",
    "case-studio://join?host=a.b&code=AB1",                  /* too short */
    "case-studio://join?host=a.b&code=AB12CD34&listen=0",
    "case-studio://join?host=a.b&code=AB12CD34&listen=70000",
    "case-studio://join?host=a.b&code=AB12CD34&listen=54x",
    "case-studio://join?host=a.b&code=AB12%20CD34",          /* a space */
    "case-studio://join?host=a.b&code=AB12CD34'%3B--",
    "case-studio://join?host=a%20b&code=AB12CD34",
    "case-studio://join?host=a.b%2Fc&code=AB12CD34",
    "case-studio://join?host=-a.b&code=AB12CD34",
    "case-studio://join?host=a.b&port=0&code=AB12CD34",
    "case-studio://join?host=a.b&port=65536&code=AB12CD34",
    "case-studio://join?host=a.b&port=54x&code=AB12CD34",
    "case-studio://join?host=a.b&port=-1&code=AB12CD34",
    "case-studio://join?host=a.b&db=x%20y&code=AB12CD34",
    "case-studio://join?host=a.b&db=x'y&code=AB12CD34",
    "case-studio://join?host=a.b&code=AB12CD34&password=secret",
    "case-studio://join?host=a.b&code=AB12CD34&user=ann",
    "case-studio://join?host=a.b&code=%ZZ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CsJoinLink) link = cs_join_link_parse (bad[i], &error);

      if (link)
        g_error ("“%s” parsed, but should not", bad[i]);
      g_assert_error (error, CS_JOIN_LINK_ERROR, CS_JOIN_LINK_ERROR_INVALID);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }
  g_assert_null (cs_join_link_parse (NULL, NULL));
}

static void
test_codes (void)
{
  g_assert_true (cs_join_link_is_code ("AB12CD34-EF567890"));
  g_assert_true (cs_join_link_is_code ("abcd"));
  g_assert_false (cs_join_link_is_code ("abc"));
  g_assert_false (cs_join_link_is_code (NULL));
  g_assert_false (cs_join_link_is_code ("ABCD EFGH"));
  g_assert_false (cs_join_link_is_code ("ÄBCD1234"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/join-link/round-trip", test_round_trip);
  g_test_add_func ("/join-link/defaults-and-tolerance", test_defaults_and_tolerance);
  g_test_add_func ("/join-link/bad-links", test_bad_links);
  g_test_add_func ("/join-link/codes", test_codes);
  return g_test_run ();
}
