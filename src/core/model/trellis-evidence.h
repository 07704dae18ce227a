/* trellis-evidence.h — proof of learning attached to a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_EVIDENCE (trellis_evidence_get_type ())
G_DECLARE_FINAL_TYPE (TrellisEvidence, trellis_evidence, TRELLIS, EVIDENCE, TrellisEntity)

TrellisEvidence *trellis_evidence_new (void);

G_END_DECLS
