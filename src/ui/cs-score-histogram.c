/* cs-score-histogram.c: how many students scored what, drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bars in the accent colour on a baseline in the text colour at low opacity; the count
 * above each bar that has students, 0, 50 and 100 % under the axis. The accessible
 * description lists the counts for screen readers.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-score-histogram.h"
#include "cs-ui-util.h"

#define N_BINS 10

struct _CsScoreHistogram
{
  GtkWidget parent_instance;

  guint     counts[N_BINS];
};

G_DEFINE_FINAL_TYPE (CsScoreHistogram, cs_score_histogram, GTK_TYPE_WIDGET)

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           const GdkRGBA *color,
           const char    *text,
           float          center_x,
           float          y)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cs_ui_snapshot_layout (snapshot, layout, color, center_x - width / 2.0f, y);
}

static void
cs_score_histogram_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CsScoreHistogram *self = CS_SCORE_HISTOGRAM (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  GdkRGBA fg, accent, axis;
  guint most = 1;
  int text_height;
  float top, bottom, slot;

  cs_ui_get_colors (widget, &fg, &accent);
  axis = fg;
  axis.alpha *= 0.3f;

  pango_layout_set_text (layout, "100%", -1);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  top = text_height + 6;
  bottom = height - text_height - 6;
  if (bottom - top < 12 || width < 40)
    return;
  slot = width / N_BINS;

  for (guint i = 0; i < N_BINS; i++)
    most = MAX (most, self->counts[i]);

  for (guint i = 0; i < N_BINS; i++)
    {
      float bar = (bottom - top) * self->counts[i] / most;
      float x = i * slot + 3;

      if (self->counts[i] == 0)
        continue;
      gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x, bottom - bar, slot - 6, bar));
      {
        g_autofree char *count = g_strdup_printf ("%u", self->counts[i]);

        draw_text (snapshot, layout, &fg, count, x + (slot - 6) / 2, bottom - bar - text_height - 2);
      }
    }
  gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (0, bottom, width, 1));
  draw_text (snapshot, layout, &fg, _("0%"), MAX (slot / 2, 12), bottom + 4);
  draw_text (snapshot, layout, &fg, _("50%"), width / 2, bottom + 4);
  draw_text (snapshot, layout, &fg, _("100%"), width - MAX (slot / 2, 18), bottom + 4);
}

static void
cs_score_histogram_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 140 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 160;
}

static void
cs_score_histogram_class_init (CsScoreHistogramClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = cs_score_histogram_snapshot;
  widget_class->measure = cs_score_histogram_measure;
  gtk_widget_class_set_css_name (widget_class, "histogram");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cs_score_histogram_init (CsScoreHistogram *self)
{
}

GtkWidget *
cs_score_histogram_new (void)
{
  return g_object_new (CS_TYPE_SCORE_HISTOGRAM, NULL);
}

void
cs_score_histogram_set_scores (CsScoreHistogram *self,
                               const double     *scores,
                               guint             n_scores)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (CS_IS_SCORE_HISTOGRAM (self));

  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < n_scores; i++)
    if (scores[i] >= 0)
      self->counts[MIN ((guint) (scores[i] * N_BINS), N_BINS - 1)]++;

  for (guint i = 0; i < N_BINS; i++)
    if (self->counts[i])
      {
        /* Translators: one bin of the score histogram, for screen readers: "3 from 80%" */
        g_autofree char *bin = g_strdup_printf (ngettext ("%u from %u%%", "%u from %u%%", self->counts[i]),
                                                self->counts[i], i * 10);

        if (description->len)
          g_string_append (description, ", ");
        g_string_append (description, bin);
      }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->len ? description->str : _("No grades yet"), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cs_score_histogram_get_count (CsScoreHistogram *self,
                              guint             bin)
{
  g_return_val_if_fail (CS_IS_SCORE_HISTOGRAM (self), 0);
  g_return_val_if_fail (bin < N_BINS, 0);

  return self->counts[bin];
}
