/* cs-scene-chart.c: per scene, the pass rate as a bar; drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line per scene: its number and title, a track with the share of the students who
 * started it and passed (accent colour), the rate, and "N turns · N hints" in the dimmed
 * text colour. A scene nobody started shows "not started" and no bar.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-scene-chart.h"
#include "cs-ui-util.h"

#define LINE_GAP 12
#define LABEL_SHARE 0.38f
#define LABEL_SHARE_MOST 0.55f

struct _CsSceneChart
{
  GtkWidget              parent_instance;

  CsDashboardAssignment *assignment;
};

G_DEFINE_FINAL_TYPE (CsSceneChart, cs_scene_chart, GTK_TYPE_WIDGET)

static int
line_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Hg");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height * 2 + 4;
}

static char *
dup_detail (const CsDashboardScene *scene)
{
  if (scene->started > 0)
    /* Translators: under a scene of the pass-rate chart: average turns and hints used */
    return g_strdup_printf (_("%.1f turns · %d hints"), scene->average_turns, scene->hints_used);
  return g_strdup (_("not started"));
}

/* The widest scene title or detail line, in pixels. */
static int
widest_label (CsSceneChart *self,
              PangoLayout  *layout)
{
  int widest = 0;

  for (guint i = 0; i < cs_dashboard_assignment_get_n_scenes (self->assignment); i++)
    {
      const CsDashboardScene *scene = cs_dashboard_assignment_get_scene (self->assignment, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, scene->title);
      g_autofree char *detail = dup_detail (scene);
      int w;

      pango_layout_set_text (layout, title, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
      pango_layout_set_text (layout, detail, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static void
cs_scene_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CsSceneChart *self = CS_SCENE_CHART (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  float width = gtk_widget_get_width (widget);
  float label_width, track_x, track_width;
  int line = line_height (widget);
  GdkRGBA fg, dim, accent, track;
  guint n;

  if (!self->assignment)
    return;
  /* The labels take what they need, between a share of the width and a larger one. */
  label_width = CLAMP (widest_label (self, layout), width * LABEL_SHARE, width * LABEL_SHARE_MOST);
  track_x = label_width + 12;
  track_width = width - track_x - 48;
  if (track_width < 24)
    return;
  cs_ui_get_colors (widget, &fg, &accent);
  dim = fg;
  dim.alpha *= 0.55f;
  track = fg;
  track.alpha *= 0.1f;
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  n = cs_dashboard_assignment_get_n_scenes (self->assignment);
  for (guint i = 0; i < n; i++)
    {
      const CsDashboardScene *scene = cs_dashboard_assignment_get_scene (self->assignment, i);
      float y = i * (line + LINE_GAP);
      float bar_y = y + line / 4.0f;
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, scene->title);
      g_autofree char *detail = dup_detail (scene);
      g_autofree char *rate = NULL;

      pango_layout_set_width (layout, (int) (label_width * PANGO_SCALE));
      pango_layout_set_text (layout, title, -1);
      cs_ui_snapshot_layout (snapshot, layout, &fg, 0, y);
      pango_layout_set_text (layout, detail, -1);
      cs_ui_snapshot_layout (snapshot, layout, &dim, 0, y + line / 2.0f);

      gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (track_x, bar_y, track_width, line / 2.0f));
      if (scene->pass_rate >= 0)
        {
          gtk_snapshot_append_color (snapshot, &accent,
                                     &GRAPHENE_RECT_INIT (track_x, bar_y, track_width * scene->pass_rate, line / 2.0f));
          rate = g_strdup_printf ("%.0f%%", scene->pass_rate * 100);
          pango_layout_set_width (layout, -1);
          pango_layout_set_text (layout, rate, -1);
          cs_ui_snapshot_layout (snapshot, layout, &fg, track_x + track_width + 8, bar_y);
        }
    }
}

static void
cs_scene_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CsSceneChart *self = CS_SCENE_CHART (widget);
  guint n = self->assignment ? cs_dashboard_assignment_get_n_scenes (self->assignment) : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 180;
      *natural = 360;
    }
  else
    *minimum = *natural = n ? (int) n * (line_height (widget) + LINE_GAP) - LINE_GAP : 0;
}

static void
cs_scene_chart_dispose (GObject *object)
{
  g_clear_object (&CS_SCENE_CHART (object)->assignment);

  G_OBJECT_CLASS (cs_scene_chart_parent_class)->dispose (object);
}

static void
cs_scene_chart_class_init (CsSceneChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cs_scene_chart_dispose;
  widget_class->snapshot = cs_scene_chart_snapshot;
  widget_class->measure = cs_scene_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "scenechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cs_scene_chart_init (CsSceneChart *self)
{
}

GtkWidget *
cs_scene_chart_new (void)
{
  return g_object_new (CS_TYPE_SCENE_CHART, NULL);
}

void
cs_scene_chart_set_assignment (CsSceneChart          *self,
                               CsDashboardAssignment *assignment)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (CS_IS_SCENE_CHART (self));

  g_set_object (&self->assignment, assignment);
  for (guint i = 0; assignment && i < cs_dashboard_assignment_get_n_scenes (assignment); i++)
    {
      const CsDashboardScene *scene = cs_dashboard_assignment_get_scene (assignment, i);

      if (description->len)
        g_string_append (description, ", ");
      if (scene->pass_rate >= 0)
        /* Translators: for screen readers: "The numbers: 80% passed" */
        g_string_append_printf (description, _("%s: %.0f%% passed"), scene->title, scene->pass_rate * 100);
      else
        g_string_append_printf (description, _("%s: not started"), scene->title);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
