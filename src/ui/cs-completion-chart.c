/* cs-completion-chart.c: how many students had completed an assignment over time, drawn
 * with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step line in the accent colour over a lighter fill: it rises by one at each student's
 * completion, from the day the case was assigned to now. The cohort's size is the top of
 * the scale, the due date a dashed line; the dates of both ends are under the axis and the
 * count so far above the end of the line. The accessible description says the same in
 * words for screen readers.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-completion-chart.h"
#include "cs-ui-util.h"

#define DAY (24 * 60 * 60)

struct _CsCompletionChart
{
  GtkWidget  parent_instance;

  GArray    *completed;  /* gint64, ascending */
  guint      n_students;
  gint64     due;
  gint64     now;
  gint64     start;
  gint64     end;
};

G_DEFINE_FINAL_TYPE (CsCompletionChart, cs_completion_chart, GTK_TYPE_WIDGET)

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

typedef struct {
  float x0, x1, top, bottom;
  gint64 start, end;
  guint n;
} Plot;

static float
plot_x (const Plot *plot,
        gint64      when)
{
  return plot->x0 + (plot->x1 - plot->x0) * (double) (CLAMP (when, plot->start, plot->end) - plot->start) /
                    (double) (plot->end - plot->start);
}

static float
plot_y (const Plot *plot,
        guint       count)
{
  return plot->bottom - (plot->bottom - plot->top) * count / MAX (plot->n, 1);
}

static void
text_size (PangoLayout *layout,
           const char  *text,
           int         *width,
           int         *height)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, width, height);
}

static char *
dup_day (gint64 when,
         gint64 now)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);

  if (!time || !today)
    return g_strdup ("");
  if (g_date_time_get_year (time) == g_date_time_get_year (today) &&
      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (today))
    return g_strdup (C_("completion chart", "Today"));
  /* Translators: a day under the completion chart's axis (GDateTime format): "27 Nov" */
  return g_date_time_format (time, _("%-d %b"));
}

static void
cs_completion_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  CsCompletionChart *self = CS_COMPLETION_CHART (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autofree char *top_label = g_strdup_printf ("%u", self->n_students);
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *count_label = NULL;
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  GdkRGBA fg, accent, fill, axis, grid, dashes;
  int label_width, text_height, w, count_width;
  float previous_x, end_x, count_x, count_y;
  guint count = 0;
  Plot plot;

  cs_ui_get_colors (widget, &fg, &accent);
  if (self->n_students == 0)
    {
      GdkRGBA dim = fg;

      dim.alpha *= 0.55f;
      text_size (layout, _("No students"), &w, &text_height);
      cs_ui_snapshot_layout (snapshot, layout, &dim, (width - w) / 2, (height - text_height) / 2);
      return;
    }
  fill = accent;
  fill.alpha *= 0.25f;
  axis = fg;
  axis.alpha *= 0.3f;
  grid = fg;
  grid.alpha *= 0.1f;
  dashes = fg;
  dashes.alpha *= 0.5f;

  text_size (layout, top_label, &label_width, &text_height);
  plot.x0 = label_width + 8;
  plot.x1 = width - 2;
  plot.top = text_height + 8;
  plot.bottom = height - text_height - 6;
  plot.start = self->start;
  plot.end = self->end;
  plot.n = self->n_students;
  if (plot.bottom - plot.top < 24 || plot.x1 - plot.x0 < 40)
    return;

  /* The scale: the whole cohort at the top, nobody on the axis. */
  gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (plot.x0, plot.top, plot.x1 - plot.x0, 1));
  cs_ui_snapshot_layout (snapshot, layout, &fg, plot.x0 - 6 - label_width, plot.top - text_height / 2.0f);
  text_size (layout, "0", &w, NULL);
  cs_ui_snapshot_layout (snapshot, layout, &fg, plot.x0 - 6 - w, plot.bottom - text_height / 2.0f);

  /* The steps, up to now. */
  previous_x = plot.x0;
  for (guint i = 0; i <= self->completed->len; i++)
    {
      gint64 when = i < self->completed->len ? g_array_index (self->completed, gint64, i) : self->now;
      float x = plot_x (&plot, when), y = plot_y (&plot, count);

      if (x > previous_x)
        {
          gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (previous_x, y, x - previous_x, plot.bottom - y));
          gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (previous_x, y - 1, x - previous_x, 2));
        }
      if (i < self->completed->len)
        {
          float up = plot_y (&plot, ++count);

          gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x - 1, up - 1, 2, y - up + 2));
        }
      previous_x = MAX (previous_x, x);
    }
  end_x = previous_x;
  gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (plot.x0, plot.bottom, plot.x1 - plot.x0, 1));

  /* The count so far, above the end of the line (inside the widget). */
  count_label = g_strdup_printf ("%u", count);
  text_size (layout, count_label, &count_width, NULL);
  count_x = CLAMP (end_x - count_width / 2.0f, plot.x0, width - count_width);
  count_y = plot_y (&plot, count) - text_height - 3;
  cs_ui_snapshot_layout (snapshot, layout, &accent, count_x, count_y);

  /* The due date: a dashed line, named unless the name would cover the count. */
  if (self->due > 0 && self->due >= self->start && self->due <= self->end)
    {
      const char *due_label = C_("completion chart", "Due");
      float due_x, label_x, label_y = plot.top - text_height - 4;

      due_x = plot_x (&plot, self->due);
      for (float y = plot.top; y < plot.bottom; y += 8)
        gtk_snapshot_append_color (snapshot, &dashes, &GRAPHENE_RECT_INIT (due_x, y, 1, MIN (4, plot.bottom - y)));
      text_size (layout, due_label, &w, NULL);
      label_x = CLAMP (due_x - w / 2.0f, plot.x0, width - w);
      if (label_x + w + 4 < count_x || label_x > count_x + count_width + 4 || label_y + text_height + 2 < count_y)
        cs_ui_snapshot_layout (snapshot, layout, &fg, label_x, label_y);
    }

  /* The days at both ends. */
  first_day = dup_day (self->start, self->now);
  last_day = dup_day (self->end, self->now);
  text_size (layout, first_day, NULL, NULL);
  cs_ui_snapshot_layout (snapshot, layout, &fg, plot.x0, plot.bottom + 4);
  text_size (layout, last_day, &w, NULL);
  cs_ui_snapshot_layout (snapshot, layout, &fg, plot.x1 - w, plot.bottom + 4);
}

static void
cs_completion_chart_measure (GtkWidget      *widget,
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
cs_completion_chart_finalize (GObject *object)
{
  CsCompletionChart *self = CS_COMPLETION_CHART (object);

  g_array_unref (self->completed);

  G_OBJECT_CLASS (cs_completion_chart_parent_class)->finalize (object);
}

static void
cs_completion_chart_class_init (CsCompletionChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cs_completion_chart_finalize;
  widget_class->snapshot = cs_completion_chart_snapshot;
  widget_class->measure = cs_completion_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "completionchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cs_completion_chart_init (CsCompletionChart *self)
{
  self->completed = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
cs_completion_chart_new (void)
{
  return g_object_new (CS_TYPE_COMPLETION_CHART, NULL);
}

static void
update_description (CsCompletionChart *self)
{
  g_autofree char *text = NULL;

  if (self->n_students == 0)
    text = g_strdup (_("No students"));
  else if (self->due > 0 && self->due <= self->now)
    /* Translators: the completion chart for screen readers: "12 of 40 students completed, 9 by the due date" */
    text = g_strdup_printf (ngettext ("%u of %u student completed, %u by the due date",
                                      "%u of %u students completed, %u by the due date", self->n_students),
                            self->completed->len, self->n_students,
                            cs_completion_chart_get_completed_by (self, self->due));
  else
    /* Translators: the completion chart for screen readers: "12 of 40 students completed" */
    text = g_strdup_printf (ngettext ("%u of %u student completed", "%u of %u students completed", self->n_students),
                            self->completed->len, self->n_students);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

void
cs_completion_chart_set_data (CsCompletionChart *self,
                              gint64             assigned,
                              gint64             due,
                              gint64             now,
                              const gint64      *completed,
                              guint              n_students)
{
  g_return_if_fail (CS_IS_COMPLETION_CHART (self));
  g_return_if_fail (completed != NULL || n_students == 0);

  g_array_set_size (self->completed, 0);
  for (guint i = 0; i < n_students; i++)
    if (completed[i] > 0)
      g_array_append_val (self->completed, completed[i]);
  g_array_sort (self->completed, compare_times);
  self->n_students = n_students;
  self->due = MAX (due, 0);
  self->now = now;

  /* From the assignment (or the first completion, if that came first: a case assigned again)
   * to now, the last completion or the due date, whichever is latest. */
  self->start = assigned > 0 ? assigned : 0;
  if (self->completed->len && (self->start == 0 || g_array_index (self->completed, gint64, 0) < self->start))
    self->start = g_array_index (self->completed, gint64, 0);
  self->end = now;
  if (self->completed->len)
    self->end = MAX (self->end, g_array_index (self->completed, gint64, self->completed->len - 1));
  self->end = MAX (self->end, self->due);
  if (self->start == 0 || self->start > self->end - DAY)
    self->start = MIN (self->start ? self->start : self->end, self->end - DAY);
  self->now = MIN (self->now, self->end);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cs_completion_chart_get_completed_by (CsCompletionChart *self,
                                      gint64             when)
{
  guint count = 0;

  g_return_val_if_fail (CS_IS_COMPLETION_CHART (self), 0);

  while (count < self->completed->len && g_array_index (self->completed, gint64, count) <= when)
    count++;
  return count;
}

void
cs_completion_chart_get_span (CsCompletionChart *self,
                              gint64            *start,
                              gint64            *end)
{
  g_return_if_fail (CS_IS_COMPLETION_CHART (self));

  if (start)
    *start = self->start;
  if (end)
    *end = self->end;
}
