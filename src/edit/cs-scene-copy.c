/* cs-scene-copy.c: a copy of a scene with new ids, for "Duplicate"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-scene-copy.h"

static gboolean
is_copied (GParamSpec *pspec)
{
  return pspec->owner_type == CS_TYPE_SCENE &&
         (pspec->flags & G_PARAM_WRITABLE) != 0 &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0 &&
         g_strcmp0 (pspec->name, "scenario-id") != 0 &&
         g_strcmp0 (pspec->name, "position") != 0;
}

CsScene *
cs_scene_copy (CsScene *scene)
{
  g_autoptr(CsScene) copy = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *title = NULL;
  GListModel *list;
  guint n_pspecs;
  guint n;

  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);

  copy = cs_scene_new (NULL);
  cs_record_freeze_tracking (CS_RECORD (copy));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (scene), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!is_copied (pspecs[i]))
        continue;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (G_OBJECT (scene), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
    }

  /* Translators: the title of a duplicated scene */
  title = g_strdup_printf (_("%s (Copy)"), cs_scene_get_title (scene));
  cs_scene_set_title (copy, title);

  list = cs_scene_get_goal_criteria (scene);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (list, i);
      g_autoptr(CsGoalCriterion) criterion_copy = NULL;

      criterion_copy = cs_goal_criterion_new (cs_goal_criterion_get_text (criterion),
                                              cs_goal_criterion_get_weight (criterion));
      cs_scene_add_criterion (copy, criterion_copy);
    }

  list = cs_scene_get_involved (scene);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScenePersona) involved = g_list_model_get_item (list, i);

      cs_scene_set_involvement (copy, cs_scene_persona_get_persona_id (involved),
                                cs_scene_persona_get_involvement (involved));
    }

  cs_record_thaw_tracking (CS_RECORD (copy));
  return g_steal_pointer (&copy);
}
