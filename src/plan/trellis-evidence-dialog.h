/* trellis-evidence-dialog.h — add or edit one piece of evidence of mastery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-evidence.h"
#include "trellis-goal.h"
#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_EVIDENCE_DIALOG (trellis_evidence_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisEvidenceDialog, trellis_evidence_dialog, TRELLIS, EVIDENCE_DIALOG, AdwWindow)

TrellisEvidenceDialog *trellis_evidence_dialog_new  (GtkWindow             *parent,
                                                     TrellisStore          *store,
                                                     TrellisGoal           *goal,
                                                     TrellisEvidence       *evidence,
                                                     gint64                 framework_id);
gboolean               trellis_evidence_dialog_save (TrellisEvidenceDialog *self,
                                                     GError               **error);

G_END_DECLS
