/* cs-extraction.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cs-extraction.h"

struct _CsExtraction
{
  GObject     parent_instance;

  CsScenario *scenario;
  char       *analyser;
  char       *fallback_reason;
  GHashTable *sources;   /* path → GPtrArray of CsSourceRef */
  GPtrArray  *warnings;  /* NULL-terminated */
};

G_DEFINE_FINAL_TYPE (CsExtraction, cs_extraction, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (CsSourceRef, cs_source_ref, cs_source_ref_copy, cs_source_ref_free)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_ANALYSER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CsSourceRef *
cs_source_ref_copy (const CsSourceRef *ref)
{
  CsSourceRef *copy = g_new0 (CsSourceRef, 1);

  copy->page = ref->page;
  copy->passage = g_strdup (ref->passage);
  return copy;
}

void
cs_source_ref_free (CsSourceRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->passage);
  g_free (ref);
}

static void
cs_extraction_finalize (GObject *object)
{
  CsExtraction *self = CS_EXTRACTION (object);

  g_clear_object (&self->scenario);
  g_clear_pointer (&self->analyser, g_free);
  g_clear_pointer (&self->fallback_reason, g_free);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_extraction_parent_class)->finalize (object);
}

static void
cs_extraction_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsExtraction *self = CS_EXTRACTION (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_ANALYSER:
      g_value_set_string (value, self->analyser);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_extraction_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsExtraction *self = CS_EXTRACTION (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;
    case PROP_ANALYSER:
      g_free (self->analyser);
      self->analyser = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_extraction_class_init (CsExtractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_extraction_finalize;
  object_class->get_property = cs_extraction_get_property;
  object_class->set_property = cs_extraction_set_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, CS_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANALYSER] =
    g_param_spec_string ("analyser", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_extraction_init (CsExtraction *self)
{
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
}

CsExtraction *
cs_extraction_new (CsScenario *scenario,
                   const char *analyser)
{
  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);

  return g_object_new (CS_TYPE_EXTRACTION, "scenario", scenario, "analyser", analyser, NULL);
}

CsScenario *
cs_extraction_get_scenario (CsExtraction *self)
{
  g_return_val_if_fail (CS_IS_EXTRACTION (self), NULL);

  return self->scenario;
}

const char *
cs_extraction_get_analyser (CsExtraction *self)
{
  g_return_val_if_fail (CS_IS_EXTRACTION (self), NULL);

  return self->analyser;
}

void
cs_extraction_add_source (CsExtraction *self,
                          const char   *path,
                          guint         page,
                          const char   *passage)
{
  GPtrArray *refs;
  CsSourceRef *ref;

  g_return_if_fail (CS_IS_EXTRACTION (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (passage != NULL);

  refs = g_hash_table_lookup (self->sources, path);
  if (refs == NULL)
    {
      refs = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_source_ref_free);
      g_hash_table_insert (self->sources, g_strdup (path), refs);
    }
  for (guint i = 0; i < refs->len; i++)
    {
      const CsSourceRef *other = g_ptr_array_index (refs, i);

      if (other->page == page && g_str_equal (other->passage, passage))
        return;
    }
  ref = g_new0 (CsSourceRef, 1);
  ref->page = page;
  ref->passage = g_strdup (passage);
  g_ptr_array_add (refs, ref);
}

GPtrArray *
cs_extraction_get_sources (CsExtraction *self,
                           const char   *path)
{
  g_return_val_if_fail (CS_IS_EXTRACTION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_hash_table_lookup (self->sources, path);
}

static int
compare_paths (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
cs_extraction_dup_paths (CsExtraction *self)
{
  g_autofree const char **keys = NULL;
  guint n = 0;
  GStrv paths;

  g_return_val_if_fail (CS_IS_EXTRACTION (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->sources, &n);
  paths = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    paths[i] = g_strdup (keys[i]);
  qsort (paths, n, sizeof (char *), compare_paths);
  return paths;
}

void
cs_extraction_add_warning (CsExtraction *self,
                           const char   *warning)
{
  g_return_if_fail (CS_IS_EXTRACTION (self));
  g_return_if_fail (warning != NULL);

  g_ptr_array_index (self->warnings, self->warnings->len - 1) = g_strdup (warning);
  g_ptr_array_add (self->warnings, NULL);
}

const char * const *
cs_extraction_get_warnings (CsExtraction *self)
{
  g_return_val_if_fail (CS_IS_EXTRACTION (self), NULL);

  return (const char * const *) self->warnings->pdata;
}

const char *
cs_extraction_get_fallback_reason (CsExtraction *self)
{
  g_return_val_if_fail (CS_IS_EXTRACTION (self), NULL);

  return self->fallback_reason;
}

void
cs_extraction_set_fallback_reason (CsExtraction *self,
                                   const char   *reason)
{
  g_return_if_fail (CS_IS_EXTRACTION (self));

  g_free (self->fallback_reason);
  self->fallback_reason = g_strdup (reason);
}
