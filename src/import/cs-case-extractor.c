/* cs-case-extractor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-case-extractor.h"

G_DEFINE_INTERFACE (CsCaseExtractor, cs_case_extractor, G_TYPE_OBJECT)

static void
cs_case_extractor_default_init (CsCaseExtractorInterface *iface)
{
}

const char *
cs_import_stage_get_label (CsImportStage stage)
{
  switch (stage)
    {
    case CS_IMPORT_STAGE_READING:
      return _("Reading the pages");
    case CS_IMPORT_STAGE_FINDING_STRUCTURE:
      return _("Finding the structure");
    case CS_IMPORT_STAGE_FINDING_PEOPLE:
      return _("Finding the people");
    case CS_IMPORT_STAGE_BUILDING_SCENES:
      return _("Building the scenes");
    case CS_IMPORT_N_STAGES:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
cs_case_extractor_extract_async (CsCaseExtractor      *self,
                                 CsPdfText            *text,
                                 CsImportProgressFunc  progress,
                                 gpointer              progress_data,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_return_if_fail (CS_IS_CASE_EXTRACTOR (self));
  g_return_if_fail (CS_IS_PDF_TEXT (text));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CS_CASE_EXTRACTOR_GET_IFACE (self)->extract_async (self, text, progress, progress_data,
                                                     cancellable, callback, user_data);
}

CsExtraction *
cs_case_extractor_extract_finish (CsCaseExtractor  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (CS_IS_CASE_EXTRACTOR (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  return CS_CASE_EXTRACTOR_GET_IFACE (self)->extract_finish (self, result, error);
}
