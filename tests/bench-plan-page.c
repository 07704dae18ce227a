/* bench-plan-page.c — time from choosing a student to the Plan page's first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "trellis-action-step.h"
#include "trellis-competency.h"
#include "trellis-evidence.h"
#include "trellis-goal-card.h"
#include "trellis-guardian.h"
#include "trellis-limits.h"
#include "trellis-plan-page.h"
#include "trellis-profile-page.h"
#include "trellis-plan-workflow.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"
#include "trellis-vocabulary.h"

#define TARGET_MS  50.0
#define ROUNDS     5

/* A typical full plan; with --at-limits, a student at every limit of trellis-limits.h: the most
 * plans, goals, steps, evidence, notes and guardians, and every goal's description as long as a
 * text may be. */
static guint N_GOALS = 30;
static guint N_STEPS = 5;
static guint N_EVIDENCE = 5;
static guint N_NOTES = 10;          /* per goal */
static guint N_PLANS = 1;
static guint N_GUARDIANS = 0;
static gboolean long_texts = FALSE;

static void
insert (TrellisStore *store,
        gpointer      entity)
{
  g_autoptr(GError) error = NULL;

  trellis_store_insert (store, TRELLIS_ENTITY (entity), &error);
  g_assert_no_error (error);
  g_object_unref (entity);
}

/* One plan for @school_year, with N_GOALS goals and everything under them. */
static void
add_plan (TrellisStore *store,
          gint64        student_id,
          const char   *school_year,
          const char   *description,
          GListModel   *competencies)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPlan) plan = trellis_plan_workflow_start_plan (store, student_id, school_year, &error);
  guint n_competencies = g_list_model_get_n_items (competencies);

  g_assert_no_error (error);
  for (guint g = 0; g < N_GOALS; g++)
    {
      g_autofree char *title = g_strdup_printf ("Goal %u: read, write and build something new", g + 1);
      g_autoptr(TrellisGoal) goal = trellis_plan_workflow_add_goal (store, plan, title, &error);
      gint64 goal_id = trellis_entity_get_id (TRELLIS_ENTITY (goal));

      if (description != NULL)
        {
          g_object_set (goal, "description", description, NULL);
          g_assert_true (trellis_store_save (store, TRELLIS_ENTITY (goal), &error));
        }
      for (guint s = 0; s < N_STEPS; s++)
        {
          g_autofree char *text = g_strdup_printf ("Step %u", s + 1);
          g_autoptr(TrellisActionStep) step = trellis_plan_workflow_add_step (store, goal, text, &error);

          g_object_set (step, "due-date", s % 2 ? "2020-01-01" : "2999-01-01", NULL);
          g_assert_true (trellis_store_save (store, TRELLIS_ENTITY (step), &error));
          if (s < 2)
            g_assert_true (trellis_plan_workflow_set_step_done (store, step, TRUE, &error));
        }
      for (guint e = 0; e < N_EVIDENCE; e++)
        insert (store, g_object_new (TRELLIS_TYPE_EVIDENCE, "goal-id", goal_id, "title", "Portfolio piece",
                                     "uri", "https://example.org/work", NULL));
      for (guint n = 0; n < N_NOTES; n++)
        {
          g_autoptr(TrellisNote) note = NULL;

          trellis_store_set_editor (store, n % 2 ? "Ms. Rivera" : "Amara Okafor", n % 2 ? "teacher" : "student");
          note = trellis_plan_workflow_add_note (store, trellis_entity_get_id (TRELLIS_ENTITY (plan)), goal_id,
                                                 "This week I finished two steps and want to try the next one.",
                                                 &error);
          g_assert_no_error (error);
        }
      for (guint c = 0; c < 3 && n_competencies > 0; c++)
        {
          g_autoptr(TrellisEntity) competency = g_list_model_get_item (competencies, (g * 3 + c) % n_competencies);
          g_assert_true (trellis_store_link_competency (store, goal_id, trellis_entity_get_id (competency), &error));
        }
    }
}

static gint64
populate (TrellisStore *store,
          const char   *given_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStudent) student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", given_name,
                                                    "family-name", "Okafor", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = trellis_school_year_for_date (now);
  g_autoptr(GListModel) competencies = trellis_store_list (store, TRELLIS_TYPE_COMPETENCY, NULL, 0, NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  gint64 student_id;
  int first_year = g_ascii_strtoll (year, NULL, 10);

  while (long_texts && g_utf8_strlen (description->str, -1) < TRELLIS_LIMIT_TEXT_CHARS - 70)
    g_string_append (description, "I want to read more widely and write about what I read each week. ");
  g_assert_true (trellis_store_begin (store, &error));
  g_assert_true (trellis_store_insert (store, TRELLIS_ENTITY (student), &error));
  student_id = trellis_entity_get_id (TRELLIS_ENTITY (student));
  for (guint i = 0; i < N_GUARDIANS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Guardian %u Okafor", i + 1);
      insert (store, g_object_new (TRELLIS_TYPE_GUARDIAN, "student-id", student_id, "name", name,
                                   "email", "family@example.org", NULL));
    }
  /* Earlier years first; the page shows this year's plan. */
  for (guint p = N_PLANS - 1; p > 0; p--)
    {
      g_autofree char *earlier = g_strdup_printf ("%d-%d", first_year - (int) p, first_year - (int) p + 1);
      add_plan (store, student_id, earlier, long_texts ? description->str : NULL, competencies);
    }
  add_plan (store, student_id, year, long_texts ? description->str : NULL, competencies);
  g_assert_true (trellis_store_commit (store, &error));
  trellis_store_set_editor (store, "Ms. Rivera", "teacher");
  return student_id;
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Whether every card shows a goal of the student's plan: the later cards are filled after the first frame. */
static gboolean
all_cards_filled (GtkWidget *page,
                  gint64     student_id)
{
  GtkWidget *list = trellis_test_find_named (page, "goals-list");
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(TrellisEntity) plan = NULL;
  guint n = 0;

  plans = trellis_store_list (trellis_student_page_get_store (TRELLIS_STUDENT_PAGE (page)), TRELLIS_TYPE_PLAN,
                              "student-id", student_id, NULL);
  /* The page shows the newest school year's plan. */
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(TrellisEntity) candidate = g_list_model_get_item (plans, i);

      if (plan == NULL || g_strcmp0 (trellis_entity_get_text (candidate, "school-year"),
                                     trellis_entity_get_text (plan, "school-year")) > 0)
        g_set_object (&plan, candidate);
    }
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (TRELLIS_IS_GOAL_CARD (row) && gtk_widget_get_visible (row) &&
        trellis_entity_get_reference (TRELLIS_ENTITY (trellis_goal_card_get_goal (TRELLIS_GOAL_CARD (row))),
                                      "plan-id") == trellis_entity_get_id (plan))
      n++;
  return n == N_GOALS;
}

typedef struct {
  double first_frame;  /* ms from choosing the student to the first frame */
  double first_cpu;    /* ms of processor time this process spent on it */
  double all_cards;    /* ms until every card is filled */
} Timing;

/* The processor time of this process, to tell a slow page from a busy machine. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* Chooses @student_id and times the first frame, then the filling of the remaining cards. */
/* Not inlined, so that a profiler can be told to look at it alone
 * (valgrind --tool=callgrind --collect-atstart=no --toggle-collect=show_first_frame). */
static G_GNUC_NO_INLINE void
show_first_frame (GtkWidget *window,
                  GtkWidget *page,
                  gint64     student_id)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  trellis_student_page_set_student_id (TRELLIS_STUDENT_PAGE (page), student_id);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static Timing
show_student (GtkWidget *window,
              GtkWidget *page,
              gint64     student_id)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  Timing timing;

  show_first_frame (window, page, student_id);
  timing.first_frame = (g_get_monotonic_time () - start) / 1000.0;
  timing.first_cpu = cpu_ms () - cpu_start;
  while (!all_cards_filled (page, student_id))
    g_main_context_iteration (NULL, TRUE);
  timing.all_cards = (g_get_monotonic_time () - start) / 1000.0;
  return timing;
}

static GtkWidget *
new_page (GtkWidget    *overlay,
          TrellisStore *store)
{
  GtkWidget *page = trellis_plan_page_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  trellis_student_page_set_store (TRELLIS_STUDENT_PAGE (page), store);
  trellis_test_spin_idle ();
  return page;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_figure (const char *name,
              double     *samples,
              double     *cpu,
              const char *what)
{
  g_autofree char *target = cpu ? g_strdup_printf ("target ≤ %.0f ms; ", TARGET_MS) : g_strdup ("");
  g_autofree char *processor = NULL;

  qsort (samples, ROUNDS, sizeof (double), compare_doubles);
  if (cpu != NULL)
    qsort (cpu, ROUNDS, sizeof (double), compare_doubles);
  processor = cpu ? g_strdup_printf ("%.1f ms of processor time; ", cpu[ROUNDS / 2]) : g_strdup ("");
  g_print ("%s: %.1f ms (%smedian of %u, best %.1f ms; %s%s; %u plans, %u guardians, %u goals × %u steps × "
           "%u evidence × %u notes%s)\n",
           name, samples[ROUNDS / 2], target, ROUNDS, samples[0], processor, what, N_PLANS, N_GUARDIANS,
           N_GOALS, N_STEPS, N_EVIDENCE, N_NOTES, long_texts ? ", every description at the text limit" : "");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = NULL;
  const char *screenshot = g_getenv ("TRELLIS_BENCH_SCREENSHOT");
  GtkWidget *window;
  GtkWidget *overlay;
  GtkWidget *page;
  gint64 students[2];
  double fresh[ROUNDS], fresh_cpu[ROUNDS], fresh_all[ROUNDS];
  double next[ROUNDS], next_cpu[ROUNDS], next_all[ROUNDS];
  Timing timing;

  if (argc > 1 && g_str_equal (argv[1], "--at-limits"))
    {
      N_GOALS = TRELLIS_LIMIT_GOALS_PER_PLAN;
      N_STEPS = TRELLIS_LIMIT_STEPS_PER_GOAL;
      N_EVIDENCE = TRELLIS_LIMIT_EVIDENCE_PER_GOAL;
      N_NOTES = TRELLIS_LIMIT_NOTES_PER_PLAN / TRELLIS_LIMIT_GOALS_PER_PLAN;
      N_PLANS = TRELLIS_LIMIT_PLANS_PER_STUDENT;
      N_GUARDIANS = TRELLIS_LIMIT_GUARDIANS_PER_STUDENT;
      long_texts = TRUE;
    }
  gtk_init ();
  adw_init ();
  store = trellis_test_open_store (&dir);
  students[0] = populate (store, "Amara");
  students[1] = populate (store, "Bea");

  window = gtk_window_new ();
  overlay = adw_toast_overlay_new ();
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  page = new_page (overlay, store);
  gtk_window_present (GTK_WINDOW (window));
  trellis_test_spin_idle ();

  /* The very first plan shown: widget classes, styles and glyphs are all new. */
  timing = show_student (window, page, students[0]);
  g_print ("plan-page-first-frame-cold: %.1f ms (first plan since start; %.1f ms of processor time; "
           "all cards in %.1f ms)\n", timing.first_frame, timing.first_cpu, timing.all_cards);

  /* A page that has shown no plan yet: every card is made. */
  for (guint round = 0; round < ROUNDS; round++)
    {
      page = new_page (overlay, store);
      timing = show_student (window, page, students[round % 2]);
      fresh[round] = timing.first_frame;
      fresh_cpu[round] = timing.first_cpu;
      fresh_all[round] = timing.all_cards;
    }
  /* A teacher going from one student to the next: the cards are reused. */
  for (guint round = 0; round < ROUNDS; round++)
    {
      timing = show_student (window, page, students[(round + 1) % 2]);
      next[round] = timing.first_frame;
      next_cpu[round] = timing.first_cpu;
      next_all[round] = timing.all_cards;
    }
  print_figure ("plan-page-first-frame", fresh, fresh_cpu, "a new page");
  print_figure ("plan-page-all-cards", fresh_all, NULL, "until the last card is filled, a new page");
  print_figure ("plan-page-next-student-first-frame", next, next_cpu, "from one student's plan to another's");
  print_figure ("plan-page-next-student-all-cards", next_all, NULL, "until the last card is filled");

  /* The profile page of the same students: their guardians and texts. */
  for (guint round = 0; round < ROUNDS; round++)
    {
      GtkWidget *profile = g_object_new (TRELLIS_TYPE_PROFILE_PAGE, NULL);
      gint64 start;
      double cpu_start;

      adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), profile);
      trellis_student_page_set_store (TRELLIS_STUDENT_PAGE (profile), store);
      trellis_test_spin_idle ();
      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      show_first_frame (window, profile, students[round % 2]);
      fresh[round] = (g_get_monotonic_time () - start) / 1000.0;
      fresh_cpu[round] = cpu_ms () - cpu_start;
    }
  print_figure ("profile-page-first-frame", fresh, fresh_cpu, "a new page");

  if (screenshot != NULL)
    {
      /* Hold the window for an outside screenshot tool (TRELLIS_BENCH_SCREENSHOT=seconds). */
      gint64 until = g_get_monotonic_time () + (gint64) (g_ascii_strtod (screenshot, NULL) * G_USEC_PER_SEC);

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  trellis_test_remove_tree (dir);
  return 0;
}
