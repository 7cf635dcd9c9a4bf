/* cs-enrolment-private.h: the statement helpers of cs-enrolment.c for the other enrolment files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Errors of the server's rules come back as CS_ENROLMENT_ERROR (by SQLSTATE), the rest as
 * CS_SYNC_ERROR, as for every call of cs-enrolment.h.
 */
#pragma once

#include "cs-enrolment.h"

G_BEGIN_DECLS

PGresult *cs_enrolment_query       (PGconn             *conn,
                                    const char         *sql,
                                    int                 n_params,
                                    const char * const *params,
                                    GError            **error);
/* The first value of the first row, or NULL with CS_ENROLMENT_ERROR_NOT_FOUND. */
char     *cs_enrolment_query_value (PGconn             *conn,
                                    const char         *sql,
                                    int                 n_params,
                                    const char * const *params,
                                    GError            **error);

G_END_DECLS
