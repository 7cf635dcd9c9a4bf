/* cs-edit-string-list.c: change one entry of a list of strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-string-list.h"

typedef enum {
  OP_SET,
  OP_INSERT,
  OP_REMOVE,
  OP_MOVE,
} Op;

struct _CsEditStringList
{
  CsEdit      parent_instance;

  GObject    *object;
  GParamSpec *pspec;
  Op          op;
  guint       index;
  GStrv       old_list;
  GStrv       new_list;
};

G_DEFINE_FINAL_TYPE (CsEditStringList, cs_edit_string_list, CS_TYPE_EDIT)

static void
set_list (CsEditStringList *self,
          GStrv             list)
{
  g_object_set (self->object, self->pspec->name, list, NULL);
}

static void
cs_edit_string_list_apply (CsEdit     *edit,
                           CsScenario *scenario)
{
  CsEditStringList *self = CS_EDIT_STRING_LIST (edit);

  set_list (self, self->new_list);
}

static void
cs_edit_string_list_revert (CsEdit     *edit,
                            CsScenario *scenario)
{
  CsEditStringList *self = CS_EDIT_STRING_LIST (edit);

  set_list (self, self->old_list);
}

static gboolean
cs_edit_string_list_merge (CsEdit *edit,
                           CsEdit *next)
{
  CsEditStringList *self = CS_EDIT_STRING_LIST (edit);
  CsEditStringList *other;

  if (!CS_IS_EDIT_STRING_LIST (next))
    return FALSE;
  other = CS_EDIT_STRING_LIST (next);
  if (self->op != OP_SET || other->op != OP_SET || other->object != self->object ||
      other->pspec != self->pspec || other->index != self->index)
    return FALSE;

  g_strfreev (self->new_list);
  self->new_list = g_strdupv (other->new_list);
  return TRUE;
}

static void
cs_edit_string_list_dispose (GObject *object)
{
  CsEditStringList *self = CS_EDIT_STRING_LIST (object);

  g_clear_object (&self->object);

  G_OBJECT_CLASS (cs_edit_string_list_parent_class)->dispose (object);
}

static void
cs_edit_string_list_finalize (GObject *object)
{
  CsEditStringList *self = CS_EDIT_STRING_LIST (object);

  g_strfreev (self->old_list);
  g_strfreev (self->new_list);

  G_OBJECT_CLASS (cs_edit_string_list_parent_class)->finalize (object);
}

static void
cs_edit_string_list_class_init (CsEditStringListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsEditClass *edit_class = CS_EDIT_CLASS (klass);

  object_class->dispose = cs_edit_string_list_dispose;
  object_class->finalize = cs_edit_string_list_finalize;

  edit_class->apply = cs_edit_string_list_apply;
  edit_class->revert = cs_edit_string_list_revert;
  edit_class->merge = cs_edit_string_list_merge;
}

static void
cs_edit_string_list_init (CsEditStringList *self)
{
}

static const char *
label_for (const char *property,
           Op          op)
{
  gboolean outcome = g_str_equal (property, "learning-outcomes");
  gboolean tag = g_str_equal (property, "tags");

  switch (op)
    {
    case OP_INSERT:
      return outcome ? _("Add Learning Outcome") : tag ? _("Add Tag") : _("Add Hint Trigger");
    case OP_REMOVE:
      return outcome ? _("Remove Learning Outcome") : tag ? _("Remove Tag") : _("Remove Hint Trigger");
    case OP_MOVE:
      return outcome ? _("Move Learning Outcome") : tag ? _("Move Tag") : _("Move Hint Trigger");
    case OP_SET:
    default:
      return outcome ? _("Edit Learning Outcome") : tag ? _("Edit Tag") : _("Edit Hint Trigger");
    }
}

/* A new edit with the list as it is now in both old_list and new_list. */
static CsEditStringList *
edit_new (gpointer    object,
          const char *property,
          Op          op)
{
  CsEditStringList *self;
  GParamSpec *pspec;

  g_return_val_if_fail (CS_IS_SCENARIO (object) || CS_IS_SCENE (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV, NULL);

  self = g_object_new (CS_TYPE_EDIT_STRING_LIST, "label", label_for (property, op), NULL);
  self->object = g_object_ref (object);
  self->pspec = pspec;
  self->op = op;
  g_object_get (object, property, &self->old_list, NULL);
  if (self->old_list == NULL)
    self->old_list = g_new0 (char *, 1);
  return self;
}

/* A copy of @list with @text (not owned) inserted at @index, and without entry @skip. */
static GStrv
splice (GStrv       list,
        guint       skip,
        guint       index,
        const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_strv_length (list);
  guint out = 0;

  for (guint i = 0; i <= n; i++)
    {
      if (text != NULL && out == index)
        {
          g_strv_builder_add (builder, text);
          out++;
        }
      if (i < n && i != skip)
        {
          g_strv_builder_add (builder, list[i]);
          out++;
        }
    }
  return g_strv_builder_end (builder);
}

CsEdit *
cs_edit_string_list_new_set (gpointer    object,
                             const char *property,
                             guint       index,
                             const char *text)
{
  CsEditStringList *self = edit_new (object, property, OP_SET);

  if (self == NULL)
    return NULL;
  if (index >= g_strv_length (self->old_list))
    {
      g_critical ("%s has no entry %u", property, index);
      g_object_unref (self);
      return NULL;
    }
  self->index = index;
  self->new_list = splice (self->old_list, index, index, text ? text : "");
  return CS_EDIT (self);
}

CsEdit *
cs_edit_string_list_new_insert (gpointer    object,
                                const char *property,
                                guint       index,
                                const char *text)
{
  CsEditStringList *self = edit_new (object, property, OP_INSERT);

  if (self == NULL)
    return NULL;
  if (index > g_strv_length (self->old_list))
    {
      g_critical ("%s cannot have an entry inserted at %u", property, index);
      g_object_unref (self);
      return NULL;
    }
  self->index = index;
  self->new_list = splice (self->old_list, G_MAXUINT, index, text ? text : "");
  return CS_EDIT (self);
}

CsEdit *
cs_edit_string_list_new_remove (gpointer    object,
                                const char *property,
                                guint       index)
{
  CsEditStringList *self = edit_new (object, property, OP_REMOVE);

  if (self == NULL)
    return NULL;
  if (index >= g_strv_length (self->old_list))
    {
      g_critical ("%s has no entry %u", property, index);
      g_object_unref (self);
      return NULL;
    }
  self->index = index;
  self->new_list = splice (self->old_list, index, 0, NULL);
  return CS_EDIT (self);
}

CsEdit *
cs_edit_string_list_new_move (gpointer    object,
                              const char *property,
                              guint       from,
                              guint       to)
{
  CsEditStringList *self = edit_new (object, property, OP_MOVE);
  guint n;

  if (self == NULL)
    return NULL;
  n = g_strv_length (self->old_list);
  if (from >= n || to >= n)
    {
      g_critical ("%s cannot move entry %u to %u", property, from, to);
      g_object_unref (self);
      return NULL;
    }
  self->index = to;
  self->new_list = splice (self->old_list, from, to, self->old_list[from]);
  return CS_EDIT (self);
}

guint
cs_edit_string_list_get_index (CsEditStringList *self)
{
  g_return_val_if_fail (CS_IS_EDIT_STRING_LIST (self), 0);

  return self->index;
}
