/* cs-trait-radar.c: a persona's personality traits as a small radar chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cs-trait-radar.h"
#include "cs-ui-util.h"

#define RADAR_SIZE 160

struct _CsTraitRadar
{
  GtkWidget  parent_instance;

  CsPersona *persona;
  gulong     traits_id;
};

G_DEFINE_FINAL_TYPE (CsTraitRadar, cs_trait_radar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PERSONA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
cs_trait_radar_dup_summary (CsTraitRadar *self)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (CS_IS_TRAIT_RADAR (self), NULL);

  if (self->persona != NULL)
    names = cs_persona_dup_trait_names (self->persona);
  if (names == NULL || names[0] == NULL)
    return g_strdup (_("Personality profile: no traits"));

  g_string_append (text, _("Personality profile: "));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *label = cs_ui_dup_trait_label (names[i]);

      /* Translators: one trait and its value 0..10 in the radar's label, e.g. "Empathy 7" */
      g_string_append_printf (text, i > 0 ? _(", %s %d") : _("%s %d"), label,
                              cs_persona_get_trait (self->persona, names[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_label (CsTraitRadar *self)
{
  g_autofree char *summary = cs_trait_radar_dup_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  summary, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), summary);
}

static void
on_traits_changed (CsTraitRadar *self)
{
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
point_at (double  cx,
          double  cy,
          double  radius,
          guint   i,
          guint   n,
          double *x,
          double *y)
{
  /* The first spoke points up; the others follow clockwise. */
  double angle = -G_PI / 2 + 2 * G_PI * i / n;

  *x = cx + radius * cos (angle);
  *y = cy + radius * sin (angle);
}

static void
cs_trait_radar_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CsTraitRadar *self = CS_TRAIT_RADAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_auto(GStrv) names = NULL;
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA fg, accent;
  double cx = width / 2.0, cy = height / 2.0;
  double radius = MIN (width, height) / 2.0 - 8;
  guint n;
  cairo_t *cr;

  if (self->persona == NULL || radius <= 4)
    return;
  names = cs_persona_dup_trait_names (self->persona);
  n = names ? g_strv_length (names) : 0;
  if (n == 0)
    return;

  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = fg;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Rings at 5 and 10, and the spokes. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.15);
  cairo_set_line_width (cr, 1);
  for (int ring = 1; ring <= 2; ring++)
    {
      for (guint i = 0; i < MAX (n, 3); i++)
        {
          double x, y;

          point_at (cx, cy, radius * ring / 2, i, MAX (n, 3), &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      point_at (cx, cy, radius, i, n, &x, &y);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  /* The profile. */
  for (guint i = 0; i < n; i++)
    {
      int value = CLAMP (cs_persona_get_trait (self->persona, names[i]), CS_TRAIT_MIN, CS_TRAIT_MAX);
      double x, y;

      point_at (cx, cy, radius * value / CS_TRAIT_MAX, i, n, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.25);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      int value = CLAMP (cs_persona_get_trait (self->persona, names[i]), CS_TRAIT_MIN, CS_TRAIT_MAX);
      double x, y;

      point_at (cx, cy, radius * value / CS_TRAIT_MAX, i, n, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  cairo_destroy (cr);
}

static void
cs_trait_radar_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = RADAR_SIZE;
  *natural = RADAR_SIZE;
}

CsPersona *
cs_trait_radar_get_persona (CsTraitRadar *self)
{
  g_return_val_if_fail (CS_IS_TRAIT_RADAR (self), NULL);

  return self->persona;
}

void
cs_trait_radar_set_persona (CsTraitRadar *self,
                            CsPersona    *persona)
{
  g_return_if_fail (CS_IS_TRAIT_RADAR (self));
  g_return_if_fail (!persona || CS_IS_PERSONA (persona));

  if (persona == self->persona)
    return;

  if (self->persona != NULL)
    g_clear_signal_handler (&self->traits_id, self->persona);
  g_set_object (&self->persona, persona);
  if (persona != NULL)
    self->traits_id = g_signal_connect_object (persona, "notify::traits",
                                               G_CALLBACK (on_traits_changed), self,
                                               G_CONNECT_SWAPPED);
  on_traits_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
}

GtkWidget *
cs_trait_radar_new (void)
{
  return g_object_new (CS_TYPE_TRAIT_RADAR, NULL);
}

static void
cs_trait_radar_dispose (GObject *object)
{
  cs_trait_radar_set_persona (CS_TRAIT_RADAR (object), NULL);

  G_OBJECT_CLASS (cs_trait_radar_parent_class)->dispose (object);
}

static void
cs_trait_radar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PERSONA:
      g_value_set_object (value, CS_TRAIT_RADAR (object)->persona);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_trait_radar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_PERSONA:
      cs_trait_radar_set_persona (CS_TRAIT_RADAR (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_trait_radar_class_init (CsTraitRadarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_trait_radar_dispose;
  object_class->get_property = cs_trait_radar_get_property;
  object_class->set_property = cs_trait_radar_set_property;

  widget_class->snapshot = cs_trait_radar_snapshot;
  widget_class->measure = cs_trait_radar_measure;

  properties[PROP_PERSONA] =
    g_param_spec_object ("persona", NULL, NULL, CS_TYPE_PERSONA,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "trait-radar");
}

static void
cs_trait_radar_init (CsTraitRadar *self)
{
  update_label (self);
}
