/* cs-scenario-format.h: the .casestudio file format (JSON) of one scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cs-scenario.h"

G_BEGIN_DECLS

#define CS_FORMAT_VERSION 1
#define CS_FORMAT_ERROR (cs_format_error_quark ())

typedef enum {
  CS_FORMAT_ERROR_PARSE,      /* not JSON, or truncated */
  CS_FORMAT_ERROR_TYPE,       /* a field has the wrong JSON type */
  CS_FORMAT_ERROR_MISSING,    /* a required field is absent */
  CS_FORMAT_ERROR_RANGE,      /* a value is out of its range or not a known enum nick */
  CS_FORMAT_ERROR_REFERENCE,  /* a persona id that no persona of the file has */
  CS_FORMAT_ERROR_DUPLICATE,  /* two objects with the same id (or two criteria per scene) */
  CS_FORMAT_ERROR_VERSION,    /* format_version newer than this build reads */
} CsFormatError;

GQuark      cs_format_error_quark        (void);

/* Error messages are "<path>: <what is wrong>", e.g.
 * "scenes[2].goal_criteria[0].weight: must be between 0 and 1". */
JsonNode   *cs_scenario_format_serialize   (CsScenario    *scenario);
CsScenario *cs_scenario_format_deserialize (JsonNode      *root,
                                            GError       **error);
char       *cs_scenario_format_to_data     (CsScenario    *scenario,
                                            gsize         *length);
CsScenario *cs_scenario_format_from_data   (const char    *data,
                                            gssize         length,
                                            GError       **error);
/* Atomic write (temp file + rename). */
gboolean    cs_scenario_format_save_file   (CsScenario    *scenario,
                                            GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);
CsScenario *cs_scenario_format_load_file   (GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);
/* Deep copy through the format, with new ids for the scenario and all children when
 * @new_ids is TRUE (used for "keep both" and remixes). */
CsScenario *cs_scenario_format_copy        (CsScenario    *scenario,
                                            gboolean       new_ids);

G_END_DECLS
