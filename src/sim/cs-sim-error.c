/* cs-sim-error.c: errors of the simulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-sim-error.h"

G_DEFINE_QUARK (cs-sim-error-quark, cs_sim_error)
