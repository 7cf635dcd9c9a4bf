/* cs-scenario-row.c: one case in the library list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-scenario-row.h"
#include "cs-ui-util.h"

struct _CsScenarioRow
{
  GtkWidget   parent_instance;

  CsScenario *scenario;

  GtkWidget  *box;
  GtkLabel   *title_label;
  GtkLabel   *subtitle_label;
  GtkLabel   *counts_label;
};

G_DEFINE_FINAL_TYPE (CsScenarioRow, cs_scenario_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCENARIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
cs_scenario_row_new (void)
{
  return g_object_new (CS_TYPE_SCENARIO_ROW, NULL);
}

CsScenario *
cs_scenario_row_get_scenario (CsScenarioRow *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO_ROW (self), NULL);

  return self->scenario;
}

static void
update (CsScenarioRow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *scenes = NULL;
  g_autofree char *people = NULL;
  guint n_scenes, n_personas;

  if (!self->scenario)
    return;

  subtitle = cs_ui_dup_scenario_meta (self->scenario, FALSE);
  n_scenes = cs_scenario_get_n_scenes (self->scenario);
  n_personas = cs_scenario_get_n_personas (self->scenario);
  scenes = g_strdup_printf (ngettext ("%u scene", "%u scenes", n_scenes), n_scenes);
  people = g_strdup_printf (ngettext ("%u person", "%u people", n_personas), n_personas);
  /* Translators: "4 scenes · 3 people" in the library list */
  counts = g_strdup_printf (_("%s · %s"), scenes, people);

  gtk_label_set_label (self->title_label, cs_scenario_get_title (self->scenario));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle[0] != '\0');
  gtk_label_set_label (self->counts_label, counts);
}

void
cs_scenario_row_set_scenario (CsScenarioRow *self,
                              CsScenario    *scenario)
{
  g_return_if_fail (CS_IS_SCENARIO_ROW (self));

  if (g_set_object (&self->scenario, scenario))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
    }
}

static void
cs_scenario_row_dispose (GObject *object)
{
  CsScenarioRow *self = CS_SCENARIO_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SCENARIO_ROW);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (cs_scenario_row_parent_class)->dispose (object);
}

static void
cs_scenario_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsScenarioRow *self = CS_SCENARIO_ROW (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scenario_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsScenarioRow *self = CS_SCENARIO_ROW (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      cs_scenario_row_set_scenario (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scenario_row_class_init (CsScenarioRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_scenario_row_dispose;
  object_class->get_property = cs_scenario_row_get_property;
  object_class->set_property = cs_scenario_row_set_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, CS_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-scenario-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CsScenarioRow, box);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioRow, counts_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cs_scenario_row_init (CsScenarioRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
