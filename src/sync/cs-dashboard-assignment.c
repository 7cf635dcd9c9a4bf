/* cs-dashboard-assignment.c: a column of the dashboard: one assigned case and its scenes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-dashboard-assignment.h"

struct _CsDashboardAssignment
{
  GObject   parent_instance;

  char     *id;
  char     *scenario_id;
  char     *title;
  gint64    due;
  gint64    assigned;
  gboolean  required;
  GArray   *scenes;
  GArray   *hints;
};

G_DEFINE_FINAL_TYPE (CsDashboardAssignment, cs_dashboard_assignment, G_TYPE_OBJECT)

static void
scene_clear (CsDashboardScene *scene)
{
  g_free (scene->title);
}

static void
hint_clear (CsDashboardHint *hint)
{
  g_free (hint->text);
  g_free (hint->scene_title);
}

static void
cs_dashboard_assignment_finalize (GObject *object)
{
  CsDashboardAssignment *self = CS_DASHBOARD_ASSIGNMENT (object);

  g_free (self->id);
  g_free (self->scenario_id);
  g_free (self->title);
  g_array_unref (self->scenes);
  g_array_unref (self->hints);

  G_OBJECT_CLASS (cs_dashboard_assignment_parent_class)->finalize (object);
}

static void
cs_dashboard_assignment_class_init (CsDashboardAssignmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_dashboard_assignment_finalize;
}

static void
cs_dashboard_assignment_init (CsDashboardAssignment *self)
{
  self->scenes = g_array_new (FALSE, TRUE, sizeof (CsDashboardScene));
  g_array_set_clear_func (self->scenes, (GDestroyNotify) scene_clear);
  self->hints = g_array_new (FALSE, TRUE, sizeof (CsDashboardHint));
  g_array_set_clear_func (self->hints, (GDestroyNotify) hint_clear);
}

CsDashboardAssignment *
cs_dashboard_assignment_new (const char *id,
                             const char *scenario_id,
                             const char *title,
                             gint64      due,
                             gboolean    required)
{
  CsDashboardAssignment *self = g_object_new (CS_TYPE_DASHBOARD_ASSIGNMENT, NULL);

  self->id = g_strdup (id);
  self->scenario_id = g_strdup (scenario_id);
  self->title = g_strdup (title);
  self->due = due;
  self->required = required;
  return self;
}

const char *
cs_dashboard_assignment_get_id (CsDashboardAssignment *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self), NULL);

  return self->id;
}

const char *
cs_dashboard_assignment_get_scenario_id (CsDashboardAssignment *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self), NULL);

  return self->scenario_id;
}

void
cs_dashboard_assignment_set_assigned (CsDashboardAssignment *self,
                                      gint64                 assigned)
{
  g_return_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self));

  self->assigned = assigned;
}

gint64
cs_dashboard_assignment_get_assigned (CsDashboardAssignment *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self), 0);

  return self->assigned;
}

const char *
cs_dashboard_assignment_get_title (CsDashboardAssignment *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self), NULL);

  return self->title;
}

gint64
cs_dashboard_assignment_get_due (CsDashboardAssignment *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self), 0);

  return self->due;
}

gboolean
cs_dashboard_assignment_get_required (CsDashboardAssignment *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self), FALSE);

  return self->required;
}

void
cs_dashboard_assignment_add_scene (CsDashboardAssignment  *self,
                                   const CsDashboardScene *scene)
{
  CsDashboardScene copy;

  g_return_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self));
  g_return_if_fail (scene != NULL);

  copy = *scene;
  copy.title = g_strdup (scene->title ? scene->title : "");
  g_array_append_val (self->scenes, copy);
}

guint
cs_dashboard_assignment_get_n_scenes (CsDashboardAssignment *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self), 0);

  return self->scenes->len;
}

const CsDashboardScene *
cs_dashboard_assignment_get_scene (CsDashboardAssignment *self,
                                   guint                  scene)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self), NULL);
  g_return_val_if_fail (scene < self->scenes->len, NULL);

  return &g_array_index (self->scenes, CsDashboardScene, scene);
}

void
cs_dashboard_assignment_add_hint (CsDashboardAssignment *self,
                                  const CsDashboardHint *hint)
{
  CsDashboardHint copy;

  g_return_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self));
  g_return_if_fail (hint != NULL);

  copy = *hint;
  copy.text = g_strdup (hint->text);
  copy.scene_title = g_strdup (hint->scene_title);
  g_array_append_val (self->hints, copy);
}

guint
cs_dashboard_assignment_get_n_hints (CsDashboardAssignment *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self), 0);

  return self->hints->len;
}

const CsDashboardHint *
cs_dashboard_assignment_get_hint (CsDashboardAssignment *self,
                                  guint                  hint)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_ASSIGNMENT (self), NULL);
  g_return_val_if_fail (hint < self->hints->len, NULL);

  return &g_array_index (self->hints, CsDashboardHint, hint);
}
