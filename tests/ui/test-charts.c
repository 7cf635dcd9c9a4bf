/* test-charts.c: the dashboard's charts on their own, under Xvfb: what the completion chart
 * counts and over which span, that what it draws follows the data, and the score
 * histogram's bins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cs-completion-chart.h"
#include "cs-score-histogram.h"
#include "ui-test-util.h"

#define DAY ((gint64) 24 * 60 * 60)
#define T0 ((gint64) 1790000000)

static GtkWindow *window;
static CsCompletionChart *chart;

/* The pixels of the chart drawn in its accent colour, full or as the lighter fill. */
static guint
count_accent_pixels (void)
{
  g_autoptr(GdkTexture) texture = ui_test_render (GTK_WIDGET (chart));
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  guint count = 0;

  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (int i = 0; i < width * height; i++)
    {
      /* ARGB32 in memory order B, G, R, A: the accent blue over the card's light grey. */
      guchar b = pixels[i * 4], g = pixels[i * 4 + 1], r = pixels[i * 4 + 2], a = pixels[i * 4 + 3];

      count += a > 0 && b > r + 24 && b > g + 8;
    }
  return count;
}

static void
test_completion_counts (void)
{
  /* Five students: one done after a day, two on the second day, two not yet. */
  const gint64 done[] = { T0 + 2 * DAY, 0, T0 + DAY, -1, T0 + 2 * DAY };
  gint64 start, end;

  cs_completion_chart_set_data (chart, T0, T0 + 3 * DAY, T0 + 5 * DAY, done, G_N_ELEMENTS (done));
  g_assert_cmpuint (cs_completion_chart_get_completed_by (chart, T0), ==, 0);
  g_assert_cmpuint (cs_completion_chart_get_completed_by (chart, T0 + DAY), ==, 1);
  g_assert_cmpuint (cs_completion_chart_get_completed_by (chart, T0 + 2 * DAY - 1), ==, 1);
  g_assert_cmpuint (cs_completion_chart_get_completed_by (chart, T0 + 2 * DAY), ==, 3);
  g_assert_cmpuint (cs_completion_chart_get_completed_by (chart, T0 + 9 * DAY), ==, 3);
  cs_completion_chart_get_span (chart, &start, &end);
  g_assert_cmpint (start, ==, T0);
  g_assert_cmpint (end, ==, T0 + 5 * DAY);

  /* A due date still ahead extends the span to it; a completion before the assignment (a
   * case assigned again) starts it earlier. */
  cs_completion_chart_set_data (chart, T0 + 2 * DAY, T0 + 9 * DAY, T0 + 5 * DAY, done, G_N_ELEMENTS (done));
  cs_completion_chart_get_span (chart, &start, &end);
  g_assert_cmpint (start, ==, T0 + DAY);
  g_assert_cmpint (end, ==, T0 + 9 * DAY);

  /* Nothing known but now: the day before it. */
  cs_completion_chart_set_data (chart, 0, 0, T0, NULL, 0);
  cs_completion_chart_get_span (chart, &start, &end);
  g_assert_cmpint (start, ==, T0 - DAY);
  g_assert_cmpint (end, ==, T0);
  g_assert_cmpuint (cs_completion_chart_get_completed_by (chart, T0), ==, 0);
}

static void
test_completion_drawing (void)
{
  const gint64 early[] = { T0 + DAY, T0 + DAY, T0 + 2 * DAY, 0 };
  const gint64 late[] = { T0 + 4 * DAY, 0, 0, 0 };
  const gint64 none[] = { 0, 0, 0, 0 };
  guint n_early, n_late, n_none;

  /* Three of four done early fill much of the chart; one done late fills a sliver; nobody
   * done leaves only the line along the axis and the count. */
  cs_completion_chart_set_data (chart, T0, 0, T0 + 5 * DAY, early, G_N_ELEMENTS (early));
  n_early = count_accent_pixels ();
  ui_test_save_screenshot (GTK_WIDGET (window), "completion-chart.png");
  cs_completion_chart_set_data (chart, T0, 0, T0 + 5 * DAY, late, G_N_ELEMENTS (late));
  n_late = count_accent_pixels ();
  cs_completion_chart_set_data (chart, T0, 0, T0 + 5 * DAY, none, G_N_ELEMENTS (none));
  n_none = count_accent_pixels ();
  g_test_message ("accent pixels: %u early, %u late, %u none", n_early, n_late, n_none);
  g_assert_cmpuint (n_early, >, n_late * 4);
  g_assert_cmpuint (n_late, >, n_none);
  g_assert_cmpuint (n_none, >, 0);

  /* No students: nothing drawn at all. */
  cs_completion_chart_set_data (chart, T0, 0, T0 + 5 * DAY, NULL, 0);
  g_assert_cmpuint (count_accent_pixels (), ==, 0);
}

static void
test_histogram_bins (void)
{
  const double scores[] = { 0.05, 0.95, 0.95, 1.0, -1, 0.5, 0.499 };
  CsScoreHistogram *histogram = CS_SCORE_HISTOGRAM (cs_score_histogram_new ());

  g_object_ref_sink (histogram);
  cs_score_histogram_set_scores (histogram, scores, G_N_ELEMENTS (scores));
  g_assert_cmpuint (cs_score_histogram_get_count (histogram, 0), ==, 1);
  g_assert_cmpuint (cs_score_histogram_get_count (histogram, 4), ==, 1);
  g_assert_cmpuint (cs_score_histogram_get_count (histogram, 5), ==, 1);
  /* 100 % is in the top bin with the 90s; no grade (negative) is in none. */
  g_assert_cmpuint (cs_score_histogram_get_count (histogram, 9), ==, 3);
  for (guint bin = 1; bin < 4; bin++)
    g_assert_cmpuint (cs_score_histogram_get_count (histogram, bin), ==, 0);
  g_object_unref (histogram);
}

int
main (int   argc,
      char *argv[])
{
  GtkWidget *card;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 420, 240);
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  chart = CS_COMPLETION_CHART (cs_completion_chart_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (chart), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (chart), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (chart), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (chart), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (chart), 12);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (chart));
  gtk_window_set_child (window, card);
  gtk_window_present (window);

  g_test_add_func ("/charts/completion/counts", test_completion_counts);
  g_test_add_func ("/charts/completion/drawing", test_completion_drawing);
  g_test_add_func ("/charts/histogram/bins", test_histogram_bins);
  status = g_test_run ();
  gtk_window_destroy (window);
  return status;
}
