/* trellis-profile-page.c — a student’s profile: identity, school, about me, supports, family
 *
 * Grouped the way a counselor thinks. There is no Save button: every field is stored a moment
 * after typing stops, when focus leaves it, and when the window closes (TrellisAutosave).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-profile-page"

#include <glib/gi18n.h>

#include "trellis-autosave.h"
#include "trellis-date-button.h"
#include "trellis-guardian.h"
#include "trellis-guardian-row.h"
#include "trellis-profile-page.h"
#include "trellis-student.h"
#include "trellis-student-summary.h"
#include "trellis-conflict-banner.h"
#include "trellis-error.h"
#include "trellis-undo-toast.h"
#include "trellis-vocabulary.h"
#include "trellis-widget-utils.h"
#include "trellis-window.h"

#define FIRST_GRADE (-1)

struct _TrellisProfilePage
{
  TrellisStudentPage parent_instance;

  TrellisAutosave *autosave;

  AdwAvatar       *avatar;
  GtkLabel        *name_label;
  GtkLabel        *details_label;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  TrellisConflictBanner *conflict_banner;
  AdwEntryRow     *given_name_row;
  AdwEntryRow     *family_name_row;
  AdwEntryRow     *preferred_name_row;
  AdwEntryRow     *pronouns_row;
  TrellisDateButton *birth_date_button;
  AdwComboRow     *home_language_row;
  AdwComboRow     *grade_row;
  AdwEntryRow     *homeroom_row;
  AdwEntryRow     *advisor_row;
  AdwEntryRow     *student_number_row;
  GtkTextView     *interests_view;
  GtkTextView     *strengths_view;
  GtkTextView     *aspirations_view;
  GtkTextView     *learning_preferences_view;
  GtkTextView     *supports_view;
  GtkListBox      *guardian_list;
  AdwEntryRow     *new_guardian_row;

  GListModel      *pending_guardians;   /* those still to be shown, from next_guardian on */
  guint            next_guardian;
  guint            guardians_idle;
};

/* A guardian's row is a dozen widgets, about 10 ms to make: the first few are shown with the
 * page, the others one an idle turn after its first frame, so that a student with every
 * guardian Trellis allows (TRELLIS_LIMIT_GUARDIANS_PER_STUDENT) still opens at once. */
#define GUARDIANS_AT_ONCE 3

G_DEFINE_FINAL_TYPE (TrellisProfilePage, trellis_profile_page, TRELLIS_TYPE_STUDENT_PAGE)

/* The text fields and the widget (an AdwEntryRow or a GtkTextView) that edits each. */
static const struct {
  const char *field;
  gsize       offset;
} text_fields[] = {
  { "given-name", G_STRUCT_OFFSET (TrellisProfilePage, given_name_row) },
  { "family-name", G_STRUCT_OFFSET (TrellisProfilePage, family_name_row) },
  { "preferred-name", G_STRUCT_OFFSET (TrellisProfilePage, preferred_name_row) },
  { "pronouns", G_STRUCT_OFFSET (TrellisProfilePage, pronouns_row) },
  { "homeroom", G_STRUCT_OFFSET (TrellisProfilePage, homeroom_row) },
  { "advisor", G_STRUCT_OFFSET (TrellisProfilePage, advisor_row) },
  { "student-number", G_STRUCT_OFFSET (TrellisProfilePage, student_number_row) },
  { "interests", G_STRUCT_OFFSET (TrellisProfilePage, interests_view) },
  { "strengths", G_STRUCT_OFFSET (TrellisProfilePage, strengths_view) },
  { "aspirations", G_STRUCT_OFFSET (TrellisProfilePage, aspirations_view) },
  { "learning-preferences", G_STRUCT_OFFSET (TrellisProfilePage, learning_preferences_view) },
  { "supports", G_STRUCT_OFFSET (TrellisProfilePage, supports_view) },
};

#define FIELD_WIDGET(self, i) (G_STRUCT_MEMBER (GtkWidget *, (self), text_fields[i].offset))

/* Helpers */

static void
update_heading (TrellisProfilePage *self)
{
  TrellisEntity *student = trellis_autosave_get_entity (self->autosave);
  g_autofree char *name = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *details = NULL;
  const char *pronouns;

  if (student == NULL)
    return;
  name = trellis_student_display_name (trellis_entity_get_text (student, "given-name"),
                                       trellis_entity_get_text (student, "family-name"),
                                       trellis_entity_get_text (student, "preferred-name"));
  grade = trellis_grade_level_label (trellis_entity_get_int (student, "grade-level"));
  pronouns = trellis_entity_get_text (student, "pronouns");
  if (pronouns != NULL && *pronouns != '\0')
    /* Translators: under the student’s name: grade and pronouns, “Grade 7 · she/her” */
    details = g_strdup_printf (_("%s · %s"), grade, pronouns);
  else
    details = g_strdup (grade);
  if (trellis_entity_get_boolean (student, "archived"))
    {
      /* Translators: appended to the grade of an archived student */
      g_autofree char *archived = g_strdup_printf (_("%s · archived"), details);
      g_free (details);
      details = g_steal_pointer (&archived);
    }

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->details_label, details);
}

static void
set_widget_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
}

static void on_guardian_remove (TrellisGuardianRow *row,
                                TrellisProfilePage *self);

static void
add_guardian_row (TrellisProfilePage *self,
                  TrellisGuardian    *guardian,
                  gboolean            expanded)
{
  TrellisStore *store = trellis_student_page_get_store (TRELLIS_STUDENT_PAGE (self));
  GtkWidget *row = trellis_guardian_row_new (store, guardian);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), expanded);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_guardian_remove), self, 0);
  gtk_list_box_append (self->guardian_list, row);
}

static void
stop_pending_guardians (TrellisProfilePage *self)
{
  g_clear_handle_id (&self->guardians_idle, g_source_remove);
  g_clear_object (&self->pending_guardians);
}

static gboolean
add_pending_guardian (gpointer user_data)
{
  TrellisProfilePage *self = user_data;
  g_autoptr(TrellisGuardian) guardian = g_list_model_get_item (self->pending_guardians, self->next_guardian++);

  add_guardian_row (self, guardian, FALSE);
  if (self->next_guardian < g_list_model_get_n_items (self->pending_guardians))
    return G_SOURCE_CONTINUE;
  self->guardians_idle = 0;
  g_clear_object (&self->pending_guardians);
  return G_SOURCE_REMOVE;
}

/* Shows every guardian now, e.g. before one more is added at the end. */
static void
finish_pending_guardians (TrellisProfilePage *self)
{
  g_clear_handle_id (&self->guardians_idle, g_source_remove);
  while (self->pending_guardians != NULL)
    add_pending_guardian (self);
}

static void
load_guardians (TrellisProfilePage *self)
{
  TrellisStore *store = trellis_student_page_get_store (TRELLIS_STUDENT_PAGE (self));
  gint64 student_id = trellis_student_page_get_student_id (TRELLIS_STUDENT_PAGE (self));
  g_autoptr(GListModel) guardians = NULL;
  GtkWidget *child;

  stop_pending_guardians (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->guardian_list))) != NULL)
    gtk_list_box_remove (self->guardian_list, child);

  if (store != NULL && student_id != 0)
    guardians = trellis_list_shown (GTK_WIDGET (self), store, TRELLIS_TYPE_GUARDIAN, "student-id", student_id);
  for (guint i = 0; guardians != NULL && i < MIN (g_list_model_get_n_items (guardians), GUARDIANS_AT_ONCE); i++)
    {
      g_autoptr(TrellisGuardian) guardian = g_list_model_get_item (guardians, i);
      add_guardian_row (self, guardian, FALSE);
    }
  if (guardians != NULL && g_list_model_get_n_items (guardians) > GUARDIANS_AT_ONCE)
    {
      self->pending_guardians = g_object_ref (guardians);
      self->next_guardian = GUARDIANS_AT_ONCE;
      self->guardians_idle = g_idle_add_full (G_PRIORITY_LOW, add_pending_guardian, self, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->guardian_list), guardians != NULL && g_list_model_get_n_items (guardians) > 0);
}

/* Fills every field from the file; edits made while filling are not edits. */
static void
load (TrellisProfilePage *self)
{
  TrellisStore *store = trellis_student_page_get_store (TRELLIS_STUDENT_PAGE (self));
  gint64 student_id = trellis_student_page_get_student_id (TRELLIS_STUDENT_PAGE (self));
  g_autoptr(TrellisStudent) student = NULL;
  g_autoptr(GError) error = NULL;
  TrellisEntity *entity;

  trellis_autosave_set_record (self->autosave, NULL, NULL);
  if (store != NULL && student_id != 0)
    student = trellis_store_load (store, TRELLIS_TYPE_STUDENT, student_id, &error);
  entity = TRELLIS_ENTITY (student);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    set_widget_text (FIELD_WIDGET (self, i), student ? trellis_entity_get_text (entity, text_fields[i].field) : "");
  trellis_date_button_set_date (self->birth_date_button, student ? trellis_entity_get_text (entity, "birth-date") : NULL);
  adw_combo_row_set_selected (self->grade_row,
                              student ? trellis_entity_get_int (entity, "grade-level") - FIRST_GRADE : 0);
  trellis_language_row_select (self->home_language_row, student ? trellis_entity_get_text (entity, "home-language") : NULL);
  /* A student deleted meanwhile is simply gone; a database that fails says why. */
  if (error != NULL && !g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND))
    {
      /* Translators: above an empty profile; %s is the database's reason */
      g_autofree char *text = g_strdup_printf (_("This student could not be read: %s"), error->message);

      gtk_label_set_label (self->error_label, text);
    }
  gtk_revealer_set_reveal_child (self->error_revealer,
                                 error != NULL && !g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND));
  load_guardians (self);

  if (student != NULL)
    trellis_autosave_set_record (self->autosave, store, entity);
  update_heading (self);
}

/* Callbacks */

static void
on_grade_selected (TrellisProfilePage *self)
{
  guint position = adw_combo_row_get_selected (self->grade_row);
  g_autofree char *grade = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  grade = g_strdup_printf ("%d", (int) position + FIRST_GRADE);
  trellis_autosave_set_field (self->autosave, "grade-level", grade);
  trellis_autosave_flush (self->autosave);
}

static void
on_home_language_selected (TrellisProfilePage *self)
{
  trellis_autosave_set_field (self->autosave, "home-language", trellis_language_row_get_tag (self->home_language_row));
  trellis_autosave_flush (self->autosave);
}

static void
on_birth_date_changed (TrellisProfilePage *self)
{
  trellis_autosave_set_field (self->autosave, "birth-date",
                              trellis_date_button_get_date (self->birth_date_button));
  trellis_autosave_flush (self->autosave);
}

static void
on_field_error (TrellisProfilePage *self,
                const char         *field,
                const char         *message)
{
  TrellisEntity *student = trellis_autosave_get_entity (self->autosave);
  const TrellisField *info = student ? trellis_entity_find_field (student, field) : NULL;

  if (message != NULL && info != NULL)
    {
      /* Translators: shown above the profile: the field, then why its value was not saved */
      g_autofree char *text = g_strdup_printf (_("%s was not saved: %s"), _(info->label), message);
      gtk_label_set_label (self->error_label, text);
    }
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
on_saved (TrellisProfilePage *self)
{
  update_heading (self);
}

/* A busy database (after 5 seconds) or a full disk: the text is kept and tried again. */
static void
on_waiting (TrellisProfilePage *self,
            const GError       *error,
            guint               seconds)
{
  gboolean show = error != NULL &&
                  (seconds >= 5 || g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NO_SPACE));

  if (show)
    {
      /* Translators: above the profile while a save waits; %s says why */
      g_autofree char *text = g_strdup_printf (_("Not saved yet: %s Your text is kept here and "
                                                 "saved as soon as possible."), error->message);
      gtk_label_set_label (self->error_label, text);
    }
  gtk_revealer_set_reveal_child (self->error_revealer, show);
}

static void
on_guardian_remove (TrellisGuardianRow *row,
                    TrellisProfilePage *self)
{
  TrellisGuardian *guardian = trellis_guardian_row_get_guardian (row);
  g_autoptr(GError) error = NULL;
  TrellisSnapshot *snapshot = NULL;
  g_autofree char *message = NULL;

  if (!trellis_store_delete (trellis_student_page_get_store (TRELLIS_STUDENT_PAGE (self)),
                             TRELLIS_ENTITY (guardian), &snapshot, &error))
    {
      trellis_show_error_toast (GTK_WIDGET (self), error);
      return;
    }
  /* Translators: a toast after removing a guardian, %s is their name */
  message = g_strdup_printf (_("%s was removed from the family contacts"),
                             trellis_entity_get_text (TRELLIS_ENTITY (guardian), "name"));
  trellis_show_undo_toast (GTK_WIDGET (self), trellis_student_page_get_store (TRELLIS_STUDENT_PAGE (self)),
                           snapshot, message);
  load_guardians (self);
}

static void
on_new_guardian_apply (TrellisProfilePage *self)
{
  TrellisStore *store = trellis_student_page_get_store (TRELLIS_STUDENT_PAGE (self));
  gint64 student_id = trellis_student_page_get_student_id (TRELLIS_STUDENT_PAGE (self));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_guardian_row))));
  g_autoptr(TrellisGuardian) guardian = NULL;
  g_autoptr(GError) error = NULL;
  int position;

  if (*name == '\0' || store == NULL || student_id == 0)
    return;
  position = 0;
  finish_pending_guardians (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->guardian_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    position++;

  guardian = trellis_guardian_new ();
  g_object_set (guardian, "student-id", student_id, "name", name, "position", position, NULL);
  if (!trellis_store_insert (store, TRELLIS_ENTITY (guardian), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->new_guardian_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_guardian_row), error->message);
      trellis_show_error_toast (GTK_WIDGET (self), error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_guardian_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_guardian_row), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_guardian_row), "");
  add_guardian_row (self, guardian, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->guardian_list), TRUE);
}

/* Overrides */

static void
trellis_profile_page_unload (TrellisStudentPage *page)
{
  TrellisProfilePage *self = TRELLIS_PROFILE_PAGE (page);

  /* The old database (or student) keeps what was typed for it. */
  trellis_autosave_set_record (self->autosave, NULL, NULL);
}

static void
trellis_profile_page_load (TrellisStudentPage *page,
                           gboolean            new_store)
{
  load (TRELLIS_PROFILE_PAGE (page));
}

/* Another program’s change to the file comes here as a reload too. */
static void
trellis_profile_page_store_changed (TrellisStudentPage *page,
                                    const char         *table,
                                    const char         *uuid,
                                    TrellisStoreChange  kind)
{
  TrellisProfilePage *self = TRELLIS_PROFILE_PAGE (page);

  /* Our own saves are already on screen; only a bulk change (an import, an undo) reloads,
   * and never over an edit still being typed. */
  if (kind == TRELLIS_STORE_CHANGE_RELOAD && !trellis_autosave_has_pending (self->autosave))
    load (self);
}

/* Another program changed the file: its changes reach the fields not being edited here. */
static void
trellis_profile_page_external_change (TrellisStudentPage *page)
{
  TrellisProfilePage *self = TRELLIS_PROFILE_PAGE (page);
  TrellisEntity *student = trellis_autosave_get_entity (self->autosave);

  if (student == NULL || !trellis_autosave_refresh (self->autosave))
    {
      load (self);
      return;
    }
  if (!trellis_autosave_has_pending (self->autosave))
    {
      const char *date = trellis_entity_get_text (student, "birth-date");
      const char *language = trellis_entity_get_text (student, "home-language");
      guint grade = (guint) (trellis_entity_get_int (student, "grade-level") - FIRST_GRADE);

      if (g_strcmp0 (trellis_date_button_get_date (self->birth_date_button), date) != 0)
        trellis_date_button_set_date (self->birth_date_button, date);
      if (g_strcmp0 (trellis_language_row_get_tag (self->home_language_row), language) != 0)
        trellis_language_row_select (self->home_language_row, language);
      if (adw_combo_row_get_selected (self->grade_row) != grade)
        adw_combo_row_set_selected (self->grade_row, grade);
    }
  update_heading (self);
  load_guardians (self);
}

static void
trellis_profile_page_dispose (GObject *object)
{
  GtkWidget *child;

  TrellisProfilePage *self = TRELLIS_PROFILE_PAGE (object);

  trellis_student_page_disconnect_store (TRELLIS_STUDENT_PAGE (self));
  stop_pending_guardians (self);
  if (self->autosave != NULL)
    trellis_autosave_set_record (self->autosave, NULL, NULL);
  g_clear_object (&self->autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PROFILE_PAGE);
  /* The template’s unnamed top child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_profile_page_parent_class)->dispose (object);
}

static void
trellis_profile_page_class_init (TrellisProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisStudentPageClass *page_class = TRELLIS_STUDENT_PAGE_CLASS (klass);

  object_class->dispose = trellis_profile_page_dispose;
  page_class->unload = trellis_profile_page_unload;
  page_class->load = trellis_profile_page_load;
  page_class->store_changed = trellis_profile_page_store_changed;
  page_class->external_change = trellis_profile_page_external_change;

  g_type_ensure (TRELLIS_TYPE_DATE_BUTTON);
  g_type_ensure (TRELLIS_TYPE_CONFLICT_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, avatar);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, details_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, conflict_banner);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, given_name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, preferred_name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, pronouns_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, birth_date_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, home_language_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, grade_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, homeroom_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, advisor_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, student_number_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, interests_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, strengths_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, aspirations_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, learning_preferences_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, supports_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, guardian_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisProfilePage, new_guardian_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_guardian_apply);
}

static void
trellis_profile_page_init (TrellisProfilePage *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int grade = FIRST_GRADE; grade <= 12; grade++)
    {
      g_autofree char *label = trellis_grade_level_label (grade);
      gtk_string_list_append (grades, label);
    }
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));
  trellis_language_row_setup (self->home_language_row);

  /* One autosave for the page’s life; it follows the selected student. */
  self->autosave = trellis_autosave_new (NULL, NULL, TRELLIS_AUTOSAVE_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, i);

      if (GTK_IS_TEXT_VIEW (widget))
        trellis_autosave_bind_text_view (self->autosave, GTK_TEXT_VIEW (widget), text_fields[i].field);
      else
        trellis_autosave_bind (self->autosave, widget, "text", text_fields[i].field);
    }
  trellis_autosave_watch (self->autosave, GTK_WIDGET (self->birth_date_button), "birth-date");
  trellis_autosave_watch (self->autosave, GTK_WIDGET (self->grade_row), "grade-level");
  trellis_autosave_watch (self->autosave, GTK_WIDGET (self->home_language_row), "home-language");
  g_signal_connect_object (self->autosave, "field-error", G_CALLBACK (on_field_error), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "waiting", G_CALLBACK (on_waiting), self, G_CONNECT_SWAPPED);
  trellis_conflict_banner_set_autosave (self->conflict_banner, self->autosave);
  g_signal_connect_swapped (self->grade_row, "notify::selected", G_CALLBACK (on_grade_selected), self);
  g_signal_connect_swapped (self->home_language_row, "notify::selected", G_CALLBACK (on_home_language_selected), self);
  g_signal_connect_swapped (self->birth_date_button, "notify::date", G_CALLBACK (on_birth_date_changed), self);
}

/* Public API */

/**
 * trellis_profile_page_get_field_widget:
 * @self: a page
 * @field: a student property, e.g. `given-name`
 *
 * Returns: (transfer none) (nullable): the widget that edits @field (an #AdwEntryRow, a
 *   #GtkTextView, the grade’s or home language’s #AdwComboRow or the birth date’s
 *   #TrellisDateButton)
 */
GtkWidget *
trellis_profile_page_get_field_widget (TrellisProfilePage *self,
                                       const char         *field)
{
  g_return_val_if_fail (TRELLIS_IS_PROFILE_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_strcmp0 (text_fields[i].field, field) == 0)
      return FIELD_WIDGET (self, i);
  if (g_strcmp0 (field, "birth-date") == 0)
    return GTK_WIDGET (self->birth_date_button);
  if (g_strcmp0 (field, "grade-level") == 0)
    return GTK_WIDGET (self->grade_row);
  if (g_strcmp0 (field, "home-language") == 0)
    return GTK_WIDGET (self->home_language_row);
  return NULL;
}

/**
 * trellis_profile_page_flush:
 * @self: a page
 *
 * Stores waiting edits now instead of after the typing pause.
 *
 * Returns: %TRUE when nothing is left unsaved (a refused value stays pending)
 */
gboolean
trellis_profile_page_flush (TrellisProfilePage *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROFILE_PAGE (self), FALSE);

  return trellis_autosave_flush (self->autosave);
}
