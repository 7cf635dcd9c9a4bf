/* cs-sim-error.h: errors of the simulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CS_SIM_ERROR (cs_sim_error_quark ())

typedef enum {
  CS_SIM_ERROR_BUSY,         /* a turn is still running */
  CS_SIM_ERROR_NOT_STARTED,  /* no run was started or resumed */
  CS_SIM_ERROR_FINISHED,     /* the run is complete */
  CS_SIM_ERROR_EMPTY,        /* an empty message */
  CS_SIM_ERROR_INVALID,      /* a run that does not belong to this case, or no scenes */
} CsSimError;

GQuark cs_sim_error_quark (void);

G_END_DECLS
