/* cs-import-error.h: the error domain of the PDF importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CS_IMPORT_ERROR (cs_import_error_quark ())

/* Every message says what the user can do about it. A cancelled import fails with
 * G_IO_ERROR_CANCELLED. */
typedef enum {
  CS_IMPORT_ERROR_READ,           /* the file cannot be read (missing, permissions) */
  CS_IMPORT_ERROR_EMPTY,          /* the file has no bytes */
  CS_IMPORT_ERROR_NOT_PDF,        /* the file is not a PDF, whatever its name says */
  CS_IMPORT_ERROR_DAMAGED,        /* a PDF that poppler cannot make sense of (truncated …) */
  CS_IMPORT_ERROR_NEEDS_PASSWORD, /* encrypted; ask for the password and try again */
  CS_IMPORT_ERROR_WRONG_PASSWORD, /* a password was given and it does not open the file */
  CS_IMPORT_ERROR_NO_PAGES,       /* a valid PDF without pages */
  CS_IMPORT_ERROR_NO_TEXT,        /* pages are images only and OCR is not available */
  CS_IMPORT_ERROR_OCR_FAILED,     /* tesseract ran and failed or found no text */
  CS_IMPORT_ERROR_TOO_LITTLE,     /* some text, but too little to make a case from */
} CsImportError;

GQuark cs_import_error_quark (void);

G_END_DECLS
