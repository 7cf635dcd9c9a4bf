/* cs-problem.c: something in a scenario that blocks publishing (not saving)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-problem.h"

struct _CsProblem
{
  GObject        parent_instance;

  CsProblemKind  kind;
  char          *path;
  char          *message;
};

G_DEFINE_FINAL_TYPE (CsProblem, cs_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_problem_finalize (GObject *object)
{
  CsProblem *self = CS_PROBLEM (object);

  g_free (self->path);
  g_free (self->message);

  G_OBJECT_CLASS (cs_problem_parent_class)->finalize (object);
}

static void
cs_problem_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CsProblem *self = CS_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_problem_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CsProblem *self = CS_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_problem_class_init (CsProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cs_problem_finalize;
  object_class->get_property = cs_problem_get_property;
  object_class->set_property = cs_problem_set_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_problem_init (CsProblem *self)
{
}

CsProblem *
cs_problem_new (CsProblemKind  kind,
                const char    *path,
                const char    *message)
{
  CsProblem *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (CS_TYPE_PROBLEM, "path", path, "message", message, NULL);
  self->kind = kind;
  return self;
}

CsProblemKind
cs_problem_get_kind (CsProblem *self)
{
  g_return_val_if_fail (CS_IS_PROBLEM (self), 0);

  return self->kind;
}

const char *
cs_problem_get_path (CsProblem *self)
{
  g_return_val_if_fail (CS_IS_PROBLEM (self), NULL);

  return self->path;
}

const char *
cs_problem_get_message (CsProblem *self)
{
  g_return_val_if_fail (CS_IS_PROBLEM (self), NULL);

  return self->message;
}
