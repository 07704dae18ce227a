/* trellis-report.c — the content of one student’s printed plan, in the family’s language
 *
 * Reads what a family should see of a plan with a handful of prepared statements (a batch
 * prints hundreds of plans a minute) and turns it into blocks of text whose labels are already
 * in the report’s language. Where the words go on the page is TrellisReportRenderer’s business.
 * A field left empty gives no block at all, and a section with nothing in it has no title, so
 * the page never shows a label with nothing beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-report"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-report.h"
#include "trellis-plan-workflow.h"
#include "trellis-store-private.h"
#include "trellis-student-summary.h"
#include "trellis-vocabulary.h"

#define N_NOTES_PER_VOICE 2
#define N_WRITING_LINES   3

struct _TrellisReport
{
  GObject         parent_instance;

  TrellisCatalog *catalog;        /* NULL: the application’s language */
  char           *school_name;
  char           *student_name;
  char           *title;
  char           *details;
  char           *print_date;
  char           *supports;       /* NULL unless asked for */
  GPtrArray      *blocks;
};

G_DEFINE_FINAL_TYPE (TrellisReport, trellis_report, G_TYPE_OBJECT)

/* Months by number, for dates written the same way in every language. */
static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* Helpers */

static void
block_free (gpointer data)
{
  TrellisReportBlock *block = data;

  g_free (block->label);
  g_free (block->text);
  g_strfreev (block->items);
  g_clear_object (&block->map);
  g_free (block);
}

static TrellisReportBlock *
add_block (TrellisReport          *self,
           TrellisReportBlockKind  kind,
           const char             *label,
           const char             *text)
{
  TrellisReportBlock *block = g_new0 (TrellisReportBlock, 1);

  block->kind = kind;
  block->label = g_strdup (label);
  block->text = g_strdup (text);
  g_ptr_array_add (self->blocks, block);
  return block;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* A labelled field, only when there is something to show beside the label. */
static void
add_field (TrellisReport *self,
           const char    *label,
           const char    *text)
{
  if (!is_blank (text))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      add_block (self, TRELLIS_REPORT_BLOCK_FIELD, label, stripped);
    }
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* “5 March 2027” in the report’s language, from `2027-03-05` or a full ISO 8601 time. */
static char *
format_date (TrellisReport *self,
             const char    *iso8601)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (is_blank (iso8601))
    return NULL;
  if (strlen (iso8601) == 10)
    {
      g_autofree char *midday = g_strconcat (iso8601, "T12:00:00Z", NULL);
      time = g_date_time_new_from_iso8601 (midday, NULL);
    }
  else
    time = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (time == NULL)
    return g_strdup (iso8601);

  local = strlen (iso8601) == 10 ? g_date_time_ref (time) : g_date_time_to_local (time);
  /* Translators: a date on the printed plan: %1$d is the day, %2$s the month’s name, %3$d the
   * year. Reorder them as your language writes dates, e.g. “%1$d de %2$s de %3$d”. */
  return g_strdup_printf (trellis_report_translate (self, N_("%2$s %1$d, %3$d")),
                          g_date_time_get_day_of_month (local),
                          trellis_report_translate (self, month_names[g_date_time_get_month (local) - 1]),
                          g_date_time_get_year (local));
}

static gboolean
add_header (TrellisReport  *self,
            TrellisStore   *store,
            gint64          student_id,
            const char     *school_year,
            GDateTime      *now,
            const TrellisReportOptions *options,
            GError        **error)
{
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *year = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  sqlite3_stmt *stmt;
  const char *homeroom;
  const char *advisor;

  stmt = trellis_store_prepare (store,
                                "SELECT given_name, family_name, preferred_name, grade_level, homeroom, "
                                "advisor, interests, strengths, aspirations, supports "
                                "FROM student WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, student_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   "%s", _("The student to print is no longer in the database; nothing was printed."));
      return FALSE;
    }

  self->student_name = trellis_student_display_name (column_text (stmt, 0), column_text (stmt, 1),
                                                     column_text (stmt, 2));
  g_ptr_array_add (details, trellis_grade_level_label_in (self->catalog, sqlite3_column_int (stmt, 3)));
  homeroom = column_text (stmt, 4);
  if (!is_blank (homeroom))
    g_ptr_array_add (details, g_strdup_printf (trellis_report_translate (self, N_("Homeroom %s")), homeroom));
  if (school_year != NULL)
    {
      year = trellis_school_year_display (school_year);
      g_ptr_array_add (details, g_strdup_printf (trellis_report_translate (self, N_("School year %s")), year));
    }
  advisor = column_text (stmt, 5);
  if (!is_blank (advisor))
    g_ptr_array_add (details, g_strdup_printf (trellis_report_translate (self, N_("Advisor: %s")), advisor));
  g_ptr_array_add (details, NULL);
  self->details = g_strjoinv ("  ·  ", (char **) details->pdata);

  self->title = year != NULL
    ? g_strdup_printf (trellis_report_translate (self, N_("Learning plan %s")), year)
    : g_strdup (trellis_report_translate (self, N_("Learning plan")));
  today = g_date_time_format (local, "%Y-%m-%d");
  {
    g_autofree char *date = format_date (self, today);
    self->print_date = g_strdup_printf (trellis_report_translate (self, N_("Printed %s")), date);
  }

  if (!is_blank (column_text (stmt, 6)) || !is_blank (column_text (stmt, 7)) || !is_blank (column_text (stmt, 8)))
    {
      add_block (self, TRELLIS_REPORT_BLOCK_SECTION, NULL, trellis_report_translate (self, N_("About me")));
      add_field (self, trellis_report_translate (self, N_("Interests")), column_text (stmt, 6));
      add_field (self, trellis_report_translate (self, N_("Strengths")), column_text (stmt, 7));
      add_field (self, trellis_report_translate (self, N_("Aspirations")), column_text (stmt, 8));
    }

  /* Supports are private, printed only when asked, and after the goals. */
  if (options->include_supports)
    self->supports = g_strdup (column_text (stmt, 9));

  sqlite3_reset (stmt);
  return TRUE;
}

/* The competencies a goal builds, as one line: “Writes with purpose (Effective communicator)”. */
static char *
dup_goal_competencies (TrellisReport  *self,
                       TrellisStore   *store,
                       gint64          goal_id,
                       GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt;

  stmt = trellis_store_prepare (store,
                                "SELECT c.title, a.title FROM goal_competency gc "
                                "JOIN competency c ON c.id = gc.competency_id "
                                "JOIN attribute a ON a.id = c.attribute_id "
                                "WHERE gc.goal_id = ? ORDER BY a.position, c.position, c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (text->len > 0)
        g_string_append (text, "  ·  ");
      /* Translators: a competency a goal builds and, in brackets, the Profile-of-a-Graduate
       * attribute it belongs to */
      g_string_append_printf (text, trellis_report_translate (self, N_("%1$s (%2$s)")),
                              trellis_pog_map_translate_title (self->catalog, column_text (stmt, 0)),
                              trellis_pog_map_translate_title (self->catalog, column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The latest evidence of a goal: “Unit test · Assessment · February 12, 2027 · Level: Proficient”. */
static char *
dup_goal_evidence (TrellisReport  *self,
                   TrellisStore   *store,
                   gint64          goal_id,
                   GError        **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  char *date;

  stmt = trellis_store_prepare (store,
                                "SELECT e.title, e.kind, e.evidence_date, l.title FROM evidence e "
                                "LEFT JOIN proficiency_level l ON l.id = e.level_id "
                                "WHERE e.goal_id = ? ORDER BY e.evidence_date DESC, e.id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return g_strdup ("");
    }
  g_ptr_array_add (parts, g_strdup (column_text (stmt, 0)));
  g_ptr_array_add (parts, g_strdup (trellis_vocabulary_label_in (self->catalog, trellis_evidence_kinds,
                                                                 column_text (stmt, 1))));
  date = format_date (self, column_text (stmt, 2));
  if (date != NULL)
    g_ptr_array_add (parts, date);
  if (!is_blank (column_text (stmt, 3)))
    g_ptr_array_add (parts, g_strdup_printf (trellis_report_translate (self, N_("Level: %s")),
                                             trellis_pog_map_translate_title (self->catalog,
                                                                              column_text (stmt, 3))));
  sqlite3_reset (stmt);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("  ·  ", (char **) parts->pdata);
}

/* At most this many open action steps of a goal are printed by name: a plan stays one or two
 * pages. The bar above already says how many are done. */
#define REPORT_MAX_STEPS 3

/* The goal's next action steps (the ones not done yet), one a line: what, who, and when due. */
static char *
dup_goal_steps (TrellisReport  *self,
                TrellisStore   *store,
                gint64          goal_id,
                GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = trellis_store_prepare (store,
                                "SELECT text, owner, due_date FROM action_step "
                                "WHERE goal_id = ? AND COALESCE (done_at, '') = '' ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *owner = trellis_vocabulary_label_in (self->catalog, trellis_step_owners, column_text (stmt, 1));
      g_autofree char *due = format_date (self, column_text (stmt, 2));

      if (n++ >= REPORT_MAX_STEPS)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (due != NULL)
        /* Translators: an action step in the printed plan: what, who does it, when it is due */
        g_string_append_printf (text, trellis_report_translate (self, N_("%1$s (%2$s) — due %3$s")),
                                column_text (stmt, 0), owner, due);
      else
        /* Translators: an action step in the printed plan: what, and who does it */
        g_string_append_printf (text, trellis_report_translate (self, N_("%1$s (%2$s)")),
                                column_text (stmt, 0), owner);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_store_set_sqlite_error (store, error);
      return NULL;
    }
  if (n > REPORT_MAX_STEPS)
    {
      g_string_append_c (text, '\n');
      /* Translators: after the next action steps of a goal in the printed plan */
      g_string_append_printf (text, trellis_report_translate (self, N_("and %u more to do")), n - REPORT_MAX_STEPS);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
add_goals (TrellisReport  *self,
           TrellisStore   *store,
           gint64          plan_id,
           GError        **error)
{
  /* Goals are read whole before the per-goal statements run: one statement at a time. */
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (int) * 2);
  sqlite3_stmt *stmt;

  stmt = trellis_store_prepare (store,
                                "SELECT g.id, g.title, g.why_it_matters, g.category, g.status, g.target_date, "
                                "(SELECT count(*) FROM action_step s WHERE s.goal_id = g.id), "
                                "(SELECT count(*) FROM action_step s WHERE s.goal_id = g.id "
                                "  AND ifnull(s.done_at, '') <> '') "
                                "FROM goal g WHERE g.plan_id = ? ORDER BY g.position, g.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int counts[2] = { sqlite3_column_int (stmt, 6), sqlite3_column_int (stmt, 7) };
      char **row = g_new0 (char *, 6);

      for (int i = 0; i < 5; i++)
        row[i] = g_strdup (column_text (stmt, i + 1));
      g_ptr_array_add (goals, row);
      g_array_append_val (ids, id);
      g_array_append_vals (steps, counts, 1);
    }
  sqlite3_reset (stmt);
  if (goals->len == 0)
    return TRUE;

  add_block (self, TRELLIS_REPORT_BLOCK_SECTION, NULL, trellis_report_translate (self, N_("My goals")));
  for (guint i = 0; i < goals->len; i++)
    {
      char **goal = g_ptr_array_index (goals, i);
      gint64 goal_id = g_array_index (ids, gint64, i);
      int *counts = &g_array_index (steps, int, 2 * i);
      g_autoptr(GPtrArray) meta = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *target = format_date (self, goal[4]);
      g_autofree char *meta_text = NULL;
      g_autofree char *competencies = NULL;
      g_autofree char *evidence = NULL;
      g_autofree char *steps_text = NULL;
      guint first_block = self->blocks->len;

      g_ptr_array_add (meta, g_strdup (trellis_vocabulary_label_in (self->catalog, trellis_goal_categories, goal[2])));
      g_ptr_array_add (meta, g_strdup (trellis_vocabulary_label_in (self->catalog, trellis_goal_statuses, goal[3])));
      if (target != NULL)
        g_ptr_array_add (meta, g_strdup_printf (trellis_report_translate (self, N_("Target date: %s")), target));
      g_ptr_array_add (meta, NULL);
      meta_text = g_strjoinv ("  ·  ", (char **) meta->pdata);
      add_block (self, TRELLIS_REPORT_BLOCK_GOAL, meta_text, goal[0]);

      add_field (self, trellis_report_translate (self, N_("Why it matters")), goal[1]);
      if (counts[0] > 0)
        {
          /* Translators: the action steps of a goal that are done, e.g. “2 of 3 done” */
          g_autofree char *done = g_strdup_printf (trellis_report_translate (self, N_("%1$d of %2$d done")),
                                                   counts[1], counts[0]);
          TrellisReportBlock *block = add_block (self, TRELLIS_REPORT_BLOCK_PROGRESS,
                                                 trellis_report_translate (self, N_("Action steps")), done);
          block->fraction = (double) counts[1] / counts[0];

          steps_text = dup_goal_steps (self, store, goal_id, error);
          if (steps_text == NULL)
            return FALSE;
          /* Translators: beside the action steps of a goal not done yet, in the printed plan */
          add_field (self, trellis_report_translate (self, N_("Still to do")), steps_text);
        }
      competencies = dup_goal_competencies (self, store, goal_id, error);
      if (competencies == NULL)
        return FALSE;
      add_field (self, trellis_report_translate (self, N_("Builds")), competencies);
      evidence = dup_goal_evidence (self, store, goal_id, error);
      if (evidence == NULL)
        return FALSE;
      add_field (self, trellis_report_translate (self, N_("Latest evidence")), evidence);

      /* A goal reads as one piece: its rows stay together unless it is longer than a page. */
      for (guint b = first_block; b + 1 < self->blocks->len; b++)
        ((TrellisReportBlock *) g_ptr_array_index (self->blocks, b))->keep_with_next = TRUE;
    }
  return TRUE;
}

/* The latest notes in the student’s (and family’s) voice and in the staff’s, oldest first. */
static gboolean
add_notes (TrellisReport  *self,
           TrellisStore   *store,
           gint64          plan_id,
           GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean first = TRUE;

  stmt = trellis_store_prepare (store,
                                "SELECT author_name, author_role, body, created_at FROM ("
                                "  SELECT n.*, row_number () OVER ("
                                "    PARTITION BY n.author_role IN ('student', 'family') "
                                "    ORDER BY n.created_at DESC, n.id DESC) AS rank "
                                "  FROM note n WHERE n.plan_id = ?) "
                                "WHERE rank <= ? ORDER BY created_at, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int (stmt, 2, N_NOTES_PER_VOICE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *date = format_date (self, column_text (stmt, 3));
      g_autofree char *who = NULL;
      const char *role = trellis_vocabulary_label_in (self->catalog, trellis_roles, column_text (stmt, 1));

      if (first)
        add_block (self, TRELLIS_REPORT_BLOCK_SECTION, NULL, trellis_report_translate (self, N_("Notes")));
      first = FALSE;
      /* Translators: who wrote a note, in what role, and when, e.g. “Sofi, Student, March 5, 2027” */
      who = g_strdup_printf (trellis_report_translate (self, N_("%1$s, %2$s, %3$s")),
                             column_text (stmt, 0), role, date != NULL ? date : "");
      add_block (self, TRELLIS_REPORT_BLOCK_NOTE, who, column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The student’s standing against the Profile of a Graduate, drawn by the map’s own code. */
static gboolean
add_map (TrellisReport  *self,
         TrellisStore   *store,
         gint64          student_id,
         GDateTime      *now,
         GError        **error)
{
  g_autoptr(TrellisPogMap) map = trellis_pog_map_new_for_student (store, student_id, now, error);
  TrellisReportBlock *block;

  if (map == NULL)
    return FALSE;
  if (trellis_pog_map_get_n_attributes (map) == 0)
    return TRUE;
  add_block (self, TRELLIS_REPORT_BLOCK_SECTION, NULL, trellis_report_translate (self, N_("Profile of a Graduate")));
  block = add_block (self, TRELLIS_REPORT_BLOCK_MAP, NULL, NULL);
  block->count = trellis_pog_map_get_n_attributes (map);
  block->map = g_steal_pointer (&map);
  return TRUE;
}

static void
add_closing (TrellisReport *self)
{
  TrellisReportBlock *block;
  const char *signers[] = {
    trellis_report_translate (self, N_("Student")),
    trellis_report_translate (self, N_("Family")),
    trellis_report_translate (self, N_("Teacher")),
    NULL
  };

  add_block (self, TRELLIS_REPORT_BLOCK_SECTION, NULL, trellis_report_translate (self, N_("Next steps")));
  block = add_block (self, TRELLIS_REPORT_BLOCK_LINES, NULL,
                     trellis_report_translate (self, N_("What we agree to do next, written together at the conference:")));
  block->count = N_WRITING_LINES;

  block = add_block (self, TRELLIS_REPORT_BLOCK_SIGNATURES, trellis_report_translate (self, N_("Date")), NULL);
  block->items = g_strdupv ((char **) signers);
}

/* Overrides */

static void
trellis_report_finalize (GObject *object)
{
  TrellisReport *self = TRELLIS_REPORT (object);

  g_clear_object (&self->catalog);
  g_free (self->school_name);
  g_free (self->student_name);
  g_free (self->title);
  g_free (self->details);
  g_free (self->print_date);
  g_free (self->supports);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (trellis_report_parent_class)->finalize (object);
}

static void
trellis_report_class_init (TrellisReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_report_finalize;
}

static void
trellis_report_init (TrellisReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

/* Public API */

/**
 * trellis_report_resolve_language:
 * @store: the store
 * @student_id: the student whose report it is
 * @language: (nullable): the language asked for, or %NULL for the family’s
 * @catalog: (out) (transfer full) (nullable): the catalogue of the labels, %NULL for the
 *   application’s own language
 * @error: return location for a #GError
 *
 * Picks the language of a report’s labels: @language when given, otherwise the first
 * guardian’s preferred language when Trellis is translated into it, otherwise the
 * application’s language.
 *
 * Returns: %FALSE with @error set when @language was asked for and has no translation
 */
gboolean
trellis_report_resolve_language (TrellisStore     *store,
                                 gint64            student_id,
                                 const char       *language,
                                 TrellisCatalog  **catalog,
                                 GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (catalog != NULL, FALSE);

  *catalog = NULL;
  if (language != NULL)
    {
      *catalog = trellis_catalog_get (language);
      if (*catalog == NULL)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("Trellis has no translation into the language “%s”; nothing was printed."),
                       language);
          return FALSE;
        }
      return TRUE;
    }

  stmt = trellis_store_prepare (store,
                                "SELECT preferred_language FROM guardian WHERE student_id = ? "
                                "ORDER BY position, id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, student_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *catalog = trellis_catalog_get (column_text (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * trellis_report_new_for_student:
 * @store: the store to read
 * @student_id: the student’s row id
 * @options: what to include and in which language
 * @now: the print date
 * @error: return location for a #GError
 *
 * Reads the student, their latest plan and its goals, and lays out the content of the report.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
TrellisReport *
trellis_report_new_for_student (TrellisStore               *store,
                                gint64                      student_id,
                                const TrellisReportOptions *options,
                                GDateTime                  *now,
                                GError                    **error)
{
  g_autoptr(TrellisReport) self = NULL;
  g_autofree char *school_year = NULL;
  gint64 plan_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_REPORT, NULL);
  if (!trellis_report_resolve_language (store, student_id, options->language, &self->catalog, error))
    return NULL;

  self->school_name = trellis_store_dup_setting (store, "school-name");

  stmt = trellis_store_prepare (store,
                                "SELECT id, school_year FROM plan WHERE student_id = ? "
                                "ORDER BY school_year DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, student_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      plan_id = sqlite3_column_int64 (stmt, 0);
      school_year = g_strdup (column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (!add_header (self, store, student_id, school_year, now, options, error))
    return NULL;
  if (options->include_map && !add_map (self, store, student_id, now, error))
    return NULL;
  if (plan_id != 0 && !add_goals (self, store, plan_id, error))
    return NULL;

  if (!is_blank (self->supports))
    {
      add_block (self, TRELLIS_REPORT_BLOCK_SECTION, NULL,
                 trellis_report_translate (self, N_("Supports and accommodations")));
      add_field (self, NULL, self->supports);
    }

  if (options->include_notes && plan_id != 0 && !add_notes (self, store, plan_id, error))
    return NULL;

  add_closing (self);
  return g_steal_pointer (&self);
}

/**
 * trellis_report_translate:
 * @self: a report
 * @msgid: an English message
 *
 * Returns: (transfer none): @msgid in the language of the report’s labels
 */
const char *
trellis_report_translate (TrellisReport *self,
                          const char    *msgid)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), msgid);

  return trellis_catalog_translate (self->catalog, msgid);
}

/**
 * trellis_report_get_catalog:
 * @self: a report
 *
 * Returns: (transfer none) (nullable): the catalogue of the labels, %NULL for the application’s
 *   language
 */
TrellisCatalog *
trellis_report_get_catalog (TrellisReport *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), NULL);

  return self->catalog;
}

/**
 * trellis_report_get_school_name:
 * @self: a report
 *
 * Returns: (nullable): the school’s name from the preferences, %NULL when not set
 */
const char *
trellis_report_get_school_name (TrellisReport *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), NULL);

  return self->school_name;
}

/**
 * trellis_report_get_student_name:
 * @self: a report
 *
 * Returns: the name the student goes by, with the family name
 */
const char *
trellis_report_get_student_name (TrellisReport *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), NULL);

  return self->student_name;
}

/**
 * trellis_report_get_title:
 * @self: a report
 *
 * Returns: “Learning plan 2026–2027”
 */
const char *
trellis_report_get_title (TrellisReport *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), NULL);

  return self->title;
}

/**
 * trellis_report_get_details:
 * @self: a report
 *
 * Returns: the grade, homeroom, school year and advisor on one line
 */
const char *
trellis_report_get_details (TrellisReport *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), NULL);

  return self->details;
}

/**
 * trellis_report_get_print_date:
 * @self: a report
 *
 * Returns: “Printed March 5, 2027”
 */
const char *
trellis_report_get_print_date (TrellisReport *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), NULL);

  return self->print_date;
}

/**
 * trellis_report_get_blocks:
 * @self: a report
 *
 * Returns: (transfer none) (element-type TrellisReportBlock): the blocks in reading order
 */
GPtrArray *
trellis_report_get_blocks (TrellisReport *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), NULL);

  return self->blocks;
}
