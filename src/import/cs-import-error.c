/* cs-import-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import-error.h"

G_DEFINE_QUARK (cs-import-error-quark, cs_import_error)
