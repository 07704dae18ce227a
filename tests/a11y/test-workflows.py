#!/usr/bin/env python3
# test-workflows.py — every main workflow of Trellis, driven through AT-SPI only
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-workflows.py [CASE…]   (all cases when none is named; prints TAP)

import os
import re
import sys
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from trellis_a11y import (  # noqa: E402
    main, App, Failure, choose, click, find, find_all, focus, get_text, gone, insert_text, key, labels_in,
    name_of, set_text, states_of, tab_to, type_text, wait_for, walk, children, role_of,
)


# Shared steps

def focusable(obj):
    return 'focusable' in states_of(obj)


def student_items(app):
    return [o for o in children(app.student_list()) if role_of(o) == 'list item']


def selected_student(app):
    for item in student_items(app):
        if 'selected' in states_of(item):
            return name_of(item)
    return None


def focused_in(root):
    return next((o for o in walk(root) if 'focused' in states_of(o)), None)


def tab_until(what, check, limit=8):
    """Presses Tab until check() is true, as a keyboard user moves through the window."""
    for _ in range(limit):
        if check():
            return
        key('Tab')
        time.sleep(0.1)
    wait_for(what, check, 2)


def select_student(app, index=0):
    """Selects a student with the keyboard: Ctrl+F, Tab into the list, Home, Down."""
    students = app.student_list()
    search = find(app.main_window(), 'entry', 'Search students')
    key('<Control>f')
    wait_for('the focus in the search entry', lambda: 'focused' in states_of(search))
    tab_until('the focus in the student list', lambda: focused_in(students))
    key('Home')
    for _ in range(index):
        key('Down')
    return wait_for('student %d selected' % index, lambda: selected_student(app) if
                    'selected' in states_of(student_items(app)[index]) else None)


def add_student(app, given, family, grade):
    """Ctrl+N, the names, the grade, Add; returns the new student's row id."""
    key('<Control>n')
    dialog = app.window('dialog', 'Add a Student')
    set_text(find(dialog, 'text', 'Given name'), given)
    set_text(find(dialog, 'text', 'Family name'), family)
    choose(find(dialog, 'combo box', 'Grade'), grade)
    click(find(dialog, 'push button', 'Add', pred=lambda o: 'sensitive' in states_of(o)))
    app.window_gone('dialog', 'Add a Student')
    rows = wait_for('the new student in the database',
                    lambda: app.query('SELECT id FROM student WHERE given_name = ? AND family_name = ?', given, family))
    return rows[0]['id']


def open_tab(app, name):
    tab = find(app.main_window(), 'page tab', name, pred=focusable)
    click(tab)
    wait_for('the %s tab to be selected' % name, lambda: 'selected' in states_of(tab))


def student_view(app):
    return app.widget('TrellisStudentView')


# Cases

def first_launch_asks_who_is_using_trellis(app):
    """(Starts with no editor set: the dialog is the first thing on screen.)"""
    dialog = app.window('dialog', 'Who Is Using Trellis?')
    continue_button = find(dialog, 'push button', 'Continue')
    if 'sensitive' in states_of(continue_button):
        raise Failure('Continue is offered before a name is typed')
    set_text(find(dialog, 'text', 'Name'), 'Minh Tran')
    choose(find(dialog, 'combo box', 'Role'), 'Counselor')
    wait_for('Continue to be offered', lambda: 'sensitive' in states_of(continue_button))
    click(continue_button)
    app.window_gone('dialog', 'Who Is Using Trellis?')
    find(app.main_window(), 'push button', 'Editing as Minh Tran (Counselor)')


def add_student_and_find_them_selected(app):
    student_id = add_student(app, 'Zadie', 'Okonkwo', 'Grade 7')
    row = app.query('SELECT grade_level FROM student WHERE id = ?', student_id)[0]
    if row['grade_level'] != 7:
        raise Failure('the new student has grade %d, not 7' % row['grade_level'])
    selected = wait_for('the new student selected', lambda: selected_student(app))
    if not selected.startswith('Zadie Okonkwo, Grade 7'):
        raise Failure('the selected row says %r, not the new student' % selected)
    profile = app.widget('TrellisProfilePage', student_view(app))
    given = find(profile, 'text', 'Given name')
    wait_for('the profile of the new student', lambda: get_text(given) == 'Zadie')


def edit_interests_and_find_them_saved(app):
    select_student(app, 2)
    profile = app.widget('TrellisProfilePage', student_view(app))
    family = find(profile, 'text', 'Family name')
    family_name = wait_for('the profile to load', lambda: get_text(family))
    interests = find(profile, 'text', 'Interests')
    set_text(interests, 'Robotics club, drawing comics')
    insert_text(interests, ' and chess')

    def saved():
        rows = app.query('SELECT interests FROM student WHERE family_name = ?', family_name)
        return rows and rows[0]['interests'] == 'Robotics club, drawing comics and chess'
    wait_for('the interests in the database after autosave', saved)


def choose_student_through_selection(app):
    """A screen reader's “select” command (AT-SPI Selection), not keys: the student opens."""
    students = app.student_list()
    items = wait_for('the student list', lambda: student_items(app) or None)
    if len(items) < 4:
        raise Failure('the sample school shows %d students' % len(items))
    if not students.select_child(3):
        raise Failure('the student list refuses to select its fourth row')
    wait_for('the fourth student selected', lambda: 'selected' in states_of(student_items(app)[3]))
    row = name_of(student_items(app)[3])
    profile = app.widget('TrellisProfilePage', student_view(app))
    field = find(profile, 'text', 'Family name')
    wait_for('the profile of %r' % row, lambda: get_text(field) and (' ' + get_text(field) + ',') in row)


def search_fold(text):
    """What the app's search compares (trellis_search_fold): accents dropped, đ as d, case folded."""
    decomposed = unicodedata.normalize('NFD', text or '')
    kept = ''.join('d' if c in 'đĐ' else c for c in decomposed if not unicodedata.category(c).startswith('M'))
    return kept.casefold()


def search_counts_matching_students(app):
    wait_for('the student list', lambda: len(student_items(app)) > 0)
    family = app.query('SELECT family_name FROM student ORDER BY id LIMIT 1')[0]['family_name']
    # As the list searches: names and number folded, archived students left out.
    rows = app.query('SELECT given_name, family_name, preferred_name, student_number FROM student WHERE NOT archived')
    wanted = search_fold(family)
    expected = sum(1 for r in rows if wanted in search_fold(' '.join(
        [r['given_name'] or '', r['family_name'] or '', r['preferred_name'] or '', r['student_number'] or ''])))
    search = find(app.main_window(), 'entry', 'Search students')
    set_text(search, family)
    wait_for('%d students listed for %r' % (expected, family), lambda: len(student_items(app)) == expected)
    for item in student_items(app):
        if wanted not in search_fold(name_of(item)):
            raise Failure('the search for %r lists %r' % (family, name_of(item)))
    set_text(search, 'zzzz-nobody')
    find(app.main_window(), 'label', 'No Students Found')
    set_text(search, '')
    wait_for('every student listed again', lambda: len(student_items(app)) > expected)


def start_plan_with_goal(app, given, family, grade, title):
    """A new student, Start a Plan on their Plan tab, and a goal added there; returns the plan page."""
    student_id = add_student(app, given, family, grade)
    open_tab(app, 'Plan')
    plan_page = app.widget('TrellisPlanPage', student_view(app))
    click(find(plan_page, 'push button', 'Start a Plan'))
    wait_for('the plan in the database', lambda: app.query('SELECT id FROM plan WHERE student_id = ?', student_id))
    set_text(find(plan_page, 'text', 'New goal title'), title)
    click(find(plan_page, 'push button', 'Add Goal'))
    wait_for('the goal in the database', lambda: app.query('SELECT id FROM goal WHERE title = ?', title))
    return plan_page


def plan_goal_and_step(app):
    plan_page = start_plan_with_goal(app, 'Ines', 'Barros', 'Grade 10', 'Build a weather station')
    editor = app.widget('TrellisGoalEditor', plan_page)
    set_text(find(editor, 'text', 'New action step'), 'Order the sensors')
    click(find(editor, 'push button', 'Add Step'))
    done = find(editor, 'check box', 'Done: Order the sensors')
    # GTK 4.8 gives check buttons no AT-SPI action: a screen reader user tabs to it and presses Space.
    tab_to(done, limit=60)
    key('space')
    wait_for('the step ticked', lambda: 'checked' in states_of(done))
    wait_for('the step done in the database',
             lambda: app.query("SELECT id FROM action_step WHERE text = ? AND done_at IS NOT NULL AND done_at <> ''",
                               'Order the sensors'))


def graduate_profile_attributes_say_level_and_goals(app):
    select_student(app, 0)
    open_tab(app, 'Graduate Profile')
    page = app.widget('TrellisGraduatePage', student_view(app))
    attributes = [row['title'] for row in app.query(
        'SELECT title FROM attribute WHERE framework_id = (SELECT min(id) FROM framework) ORDER BY position')]
    levels = {row['title'] for row in app.query('SELECT title FROM proficiency_level')} | {'no level yet'}
    if not attributes:
        raise Failure('the sample school has no framework')
    sentence = re.compile(r'^(?P<attribute>.+): (?P<level>.+), (no goals|1 goal|\d+ goals) working on it$')
    for attribute in attributes:
        band = find(page, 'push button', pred=lambda o, a=attribute: name_of(o).startswith(a + ': '))
        said = sentence.match(name_of(band))
        if said is None or said['level'] not in levels:
            raise Failure('the attribute button says %r, not its level and goal count' % name_of(band))


def preferences_frameworks_page(app):
    click(find(app.main_window(), 'push button', 'Main menu', pred=focusable))
    click(find(app.main_window(), 'menu item', 'Preferences'))
    prefs = app.window('frame', 'Preferences')
    click(find(prefs, 'page tab', 'Frameworks', pred=focusable))
    frameworks = find(prefs, 'list', 'Frameworks')
    title = app.query('SELECT title FROM framework ORDER BY id LIMIT 1')[0]['title']
    find(frameworks, 'list item', title)
    find(frameworks, 'check box', 'Use “%s” for new plans' % title, pred=lambda o: 'checked' in states_of(o))
    # The windows before the click: the editor can appear before the click returns.
    known = {name_of(w) for w in app.windows()}
    click(find(frameworks, 'push button', 'Edit “%s”' % title))
    editor = app.window(pred=lambda w: name_of(w) not in known)
    find(editor, 'page tab', 'Attributes')
    find(editor, 'text')


def delete_student_and_undo(app):
    name = select_student(app, 1)
    before = app.query('SELECT count(*) AS n FROM student')[0]['n']
    click(find(app.main_window(), 'push button', 'Student menu', pred=focusable))
    click(find(app.main_window(), 'menu item', 'Delete Student…'))
    dialog = app.window('dialog', name=None, pred=lambda w: name_of(w).startswith('Delete'))
    click(find(dialog, 'push button', 'Delete'))
    wait_for('the student deleted', lambda: app.query('SELECT count(*) AS n FROM student')[0]['n'] == before - 1)
    click(find(app.main_window(), 'push button', 'Undo'))
    wait_for('the student back', lambda: app.query('SELECT count(*) AS n FROM student')[0]['n'] == before)


def broken_item_15_ctrl_z_in_an_entry_undoes_a_deleted_goal(app):
    """Deletes a goal after its question, then presses Ctrl+Z with the focus in the emptied
    new-goal entry: the goal comes back and the entry stays empty."""
    plan_page = start_plan_with_goal(app, 'Rosa', 'Mejía', 'Grade 9', 'Learn to swim')
    click(find(plan_page, 'push button', 'Delete Goal'))
    dialog = app.window('dialog', name=None, pred=lambda w: name_of(w).startswith('Delete'))
    click(find(dialog, 'push button', 'Delete'))
    wait_for('the goal deleted', lambda: not app.query('SELECT id FROM goal WHERE title = ?', 'Learn to swim'))
    entry = find(plan_page, 'text', 'New goal title')
    tab_until('the focus in the new-goal entry', lambda: 'focused' in states_of(entry), limit=40)
    key('<Control>z')
    wait_for('the goal back', lambda: app.query('SELECT id FROM goal WHERE title = ?', 'Learn to swim'))
    if get_text(entry) != '':
        raise Failure('Ctrl+Z refilled the new-goal entry with %r' % get_text(entry))


def keyboard_only_add_student(app):
    """Adds a student with key events alone: Ctrl+N, typing, Tab, arrows, Enter."""
    key('<Control>n')
    dialog = app.window('dialog', 'Add a Student')
    given = find(dialog, 'text', 'Given name')
    wait_for('the focus in the given name', lambda: 'focused' in states_of(given))
    type_text('Kofi')
    key('Tab')
    family = find(dialog, 'text', 'Family name')
    wait_for('the focus in the family name', lambda: 'focused' in states_of(family))
    type_text('Mensah')
    grade_button = find(find(dialog, 'combo box', 'Grade'), 'push button')
    tab_to(grade_button, limit=3)
    key('space')
    items = wait_for('the open list of grades', lambda: [o for o in find_all(dialog, 'list item')
                                                          if 'focused' in states_of(o)])
    key('End')
    key('Return')
    wait_for('the grade chosen', lambda: 'Grade 12' in labels_in(grade_button))
    # A screen reader on the button hears the choice too, not only “Grade”.
    wait_for('the grade in the button’s description', lambda: grade_button.get_description() == 'Grade 12')
    key('<Alt>a')
    app.window_gone('dialog', 'Add a Student')
    rows = wait_for('the new student in the database', lambda: app.query(
        "SELECT grade_level FROM student WHERE given_name = 'Kofi' AND family_name = 'Mensah'"))
    if rows[0]['grade_level'] != 12 or not items:
        raise Failure('the student typed in has grade %d, not 12' % rows[0]['grade_level'])
    wait_for('the new student selected', lambda: (selected_student(app) or '').startswith('Kofi Mensah'))


CASES = [
    keyboard_only_add_student,
    first_launch_asks_who_is_using_trellis,
    add_student_and_find_them_selected,
    edit_interests_and_find_them_saved,
    choose_student_through_selection,
    search_counts_matching_students,
    plan_goal_and_step,
    graduate_profile_attributes_say_level_and_goals,
    preferences_frameworks_page,
    delete_student_and_undo,
    broken_item_15_ctrl_z_in_an_entry_undoes_a_deleted_goal,
]

if __name__ == '__main__':
    main(CASES)
