/* cs-dashboard-student.c: a row of the dashboard: one student and their cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-dashboard-student.h"

struct _CsDashboardStudent
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  char      *login;
  GPtrArray *cells;
};

G_DEFINE_FINAL_TYPE (CsDashboardStudent, cs_dashboard_student, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LOGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_dashboard_student_finalize (GObject *object)
{
  CsDashboardStudent *self = CS_DASHBOARD_STUDENT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->login);
  g_ptr_array_unref (self->cells);

  G_OBJECT_CLASS (cs_dashboard_student_parent_class)->finalize (object);
}

static void
cs_dashboard_student_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CsDashboardStudent *self = CS_DASHBOARD_STUDENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_dashboard_student_class_init (CsDashboardStudentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_dashboard_student_finalize;
  object_class->get_property = cs_dashboard_student_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOGIN] =
    g_param_spec_string ("login", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_dashboard_student_init (CsDashboardStudent *self)
{
  self->cells = g_ptr_array_new_with_free_func (g_object_unref);
}

CsDashboardStudent *
cs_dashboard_student_new (const char *id,
                          const char *name,
                          const char *login)
{
  CsDashboardStudent *self = g_object_new (CS_TYPE_DASHBOARD_STUDENT, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name && *name ? name : login);
  self->login = g_strdup (login);
  return self;
}

const char *
cs_dashboard_student_get_id (CsDashboardStudent *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_STUDENT (self), NULL);

  return self->id;
}

const char *
cs_dashboard_student_get_name (CsDashboardStudent *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_STUDENT (self), NULL);

  return self->name;
}

const char *
cs_dashboard_student_get_login (CsDashboardStudent *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_STUDENT (self), NULL);

  return self->login;
}

void
cs_dashboard_student_add_cell (CsDashboardStudent *self,
                               CsDashboardCell    *cell)
{
  g_return_if_fail (CS_IS_DASHBOARD_STUDENT (self));
  g_return_if_fail (CS_IS_DASHBOARD_CELL (cell));

  g_ptr_array_add (self->cells, g_object_ref (cell));
}

guint
cs_dashboard_student_get_n_cells (CsDashboardStudent *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_STUDENT (self), 0);

  return self->cells->len;
}

CsDashboardCell *
cs_dashboard_student_get_cell (CsDashboardStudent *self,
                               guint               assignment)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_STUDENT (self), NULL);

  return assignment < self->cells->len ? g_ptr_array_index (self->cells, assignment) : NULL;
}

double
cs_dashboard_student_get_completion (CsDashboardStudent *self)
{
  double sum = 0;

  g_return_val_if_fail (CS_IS_DASHBOARD_STUDENT (self), 0);

  if (self->cells->len == 0)
    return 0;
  for (guint i = 0; i < self->cells->len; i++)
    sum += cs_dashboard_cell_get_progress (g_ptr_array_index (self->cells, i));
  return sum / self->cells->len;
}
