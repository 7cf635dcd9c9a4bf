/* cs-edit-criterion.c: add or remove a goal criterion of a scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-criterion.h"

struct _CsEditCriterion
{
  CsEdit           parent_instance;

  CsScene         *scene;
  CsGoalCriterion *criterion;
  guint            position;
  gboolean         remove;
};

G_DEFINE_FINAL_TYPE (CsEditCriterion, cs_edit_criterion, CS_TYPE_EDIT)

static void
insert (CsEditCriterion *self)
{
  guint n = g_list_model_get_n_items (cs_scene_get_goal_criteria (self->scene));

  self->position = MIN (self->position, n);
  cs_scene_insert_criterion (self->scene, self->position, self->criterion);
}

static void
take_out (CsEditCriterion *self)
{
  GListModel *list = cs_scene_get_goal_criteria (self->scene);
  g_autoptr(CsGoalCriterion) item = g_list_model_get_item (list, self->position);

  if (item == NULL)
    {
      g_critical ("The scene has no criterion %u", self->position);
      return;
    }
  g_set_object (&self->criterion, item);
  cs_scene_remove_criterion (self->scene, self->position);
}

static void
cs_edit_criterion_apply (CsEdit     *edit,
                         CsScenario *scenario)
{
  CsEditCriterion *self = CS_EDIT_CRITERION (edit);

  if (self->remove)
    take_out (self);
  else
    insert (self);
}

static void
cs_edit_criterion_revert (CsEdit     *edit,
                          CsScenario *scenario)
{
  CsEditCriterion *self = CS_EDIT_CRITERION (edit);

  if (self->remove)
    insert (self);
  else
    take_out (self);
}

static void
cs_edit_criterion_dispose (GObject *object)
{
  CsEditCriterion *self = CS_EDIT_CRITERION (object);

  g_clear_object (&self->scene);
  g_clear_object (&self->criterion);

  G_OBJECT_CLASS (cs_edit_criterion_parent_class)->dispose (object);
}

static void
cs_edit_criterion_class_init (CsEditCriterionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsEditClass *edit_class = CS_EDIT_CLASS (klass);

  object_class->dispose = cs_edit_criterion_dispose;

  edit_class->apply = cs_edit_criterion_apply;
  edit_class->revert = cs_edit_criterion_revert;
}

static void
cs_edit_criterion_init (CsEditCriterion *self)
{
}

CsEdit *
cs_edit_criterion_new_add (CsScene         *scene,
                           guint            position,
                           CsGoalCriterion *criterion)
{
  CsEditCriterion *self;

  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);
  g_return_val_if_fail (CS_IS_GOAL_CRITERION (criterion), NULL);

  self = g_object_new (CS_TYPE_EDIT_CRITERION, "label", _("Add Criterion"), NULL);
  self->scene = g_object_ref (scene);
  self->criterion = g_object_ref (criterion);
  self->position = position;
  return CS_EDIT (self);
}

CsEdit *
cs_edit_criterion_new_remove (CsScene *scene,
                              guint    position)
{
  CsEditCriterion *self;

  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);

  self = g_object_new (CS_TYPE_EDIT_CRITERION, "label", _("Delete Criterion"), NULL);
  self->scene = g_object_ref (scene);
  self->position = position;
  self->remove = TRUE;
  return CS_EDIT (self);
}
