/* cs-ai-error.c: the error domain of the AI layer, with the HTTP status as extended data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "cs-ai-error.h"

typedef struct
{
  guint http_status;
} CsAiErrorPrivate;

/* GLib allocates the private data zeroed. */
static void
cs_ai_error_private_init (CsAiErrorPrivate *priv)
{
}

static void
cs_ai_error_private_copy (const CsAiErrorPrivate *src,
                          CsAiErrorPrivate       *dest)
{
  if (src != NULL && dest != NULL)
    dest->http_status = src->http_status;
}

static void
cs_ai_error_private_clear (CsAiErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (CsAiError, cs_ai_error)

void
cs_ai_set_error_with_status (GError    **error,
                             CsAiError   code,
                             guint       http_status,
                             const char *format,
                             ...)
{
  g_autofree char *message = NULL;
  CsAiErrorPrivate *priv;
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  new_error = g_error_new_literal (CS_AI_ERROR, code, message);
  priv = cs_ai_error_get_private (new_error);
  if (priv != NULL)
    priv->http_status = http_status;
  g_propagate_error (error, new_error);
}

guint
cs_ai_error_get_http_status (const GError *error)
{
  CsAiErrorPrivate *priv;

  if (error == NULL || error->domain != CS_AI_ERROR)
    return 0;
  priv = cs_ai_error_get_private (error);
  return priv != NULL ? priv->http_status : 0;
}
