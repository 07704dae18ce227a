#!/usr/bin/env python3
# test-lifecycle.py — how Trellis ends: signals, Ctrl+Q and a refused first question lose
# nothing and leave one complete file
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-lifecycle.py [CASE…]   (all cases when none is named; prints TAP)

import os
import shutil
import signal
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from trellis_a11y import (  # noqa: E402
    main, Failure, find, get_text, key, set_text, wait_for,
)


def open_profile(app):
    """The profile of the first student, through the list's selection."""
    students = app.student_list()
    wait_for('the student list', lambda: students.get_child_count() > 0)
    students.select_child(0)
    profile = app.widget('TrellisProfilePage', app.widget('TrellisStudentView'))
    family = find(profile, 'text', 'Family name')
    family_name = wait_for('the profile to load', lambda: get_text(family))
    return profile, family_name


def wait_for_exit(app, timeout=10):
    try:
        return app.process.wait(timeout)
    except Exception as error:  # noqa: BLE001
        raise Failure('Trellis did not end: %s' % error)


def assert_one_complete_file(app):
    """No -wal is left, and a copy of the .db alone opens with every student."""
    if os.path.exists(app.database + '-wal'):
        raise Failure('a -wal of %d bytes is left beside the database' % os.path.getsize(app.database + '-wal'))
    folder = tempfile.mkdtemp(prefix='trellis-copy-')
    try:
        copy = os.path.join(folder, 'copy.db')
        shutil.copyfile(app.database, copy)
        connection = sqlite3.connect(copy)
        try:
            count = connection.execute('SELECT count(*) FROM student').fetchone()[0]
            integrity = connection.execute('PRAGMA integrity_check').fetchone()[0]
        finally:
            connection.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if count != app.students or integrity != 'ok':
        raise Failure('the copied .db holds %d students (integrity %s), not %d' % (count, integrity, app.students))


def signal_flushes_last_keystroke(app, signum):
    profile, family_name = open_profile(app)
    text = 'Robotics club, typed just before the %s' % signal.Signals(signum).name
    set_text(find(profile, 'text', 'Interests'), text)
    time.sleep(0.1)                         # well inside the autosave's one-second pause
    app.process.send_signal(signum)
    wait_for_exit(app)
    assert_one_complete_file(app)           # before this test opens the file itself
    rows = app.query('SELECT interests FROM student WHERE family_name = ?', family_name)
    if not rows or rows[0]['interests'] != text:
        raise Failure('after %s the interests are %r' % (signal.Signals(signum).name, rows and rows[0]['interests']))


def sigterm_100_ms_after_the_last_keystroke_stores_it(app):
    signal_flushes_last_keystroke(app, signal.SIGTERM)


def sighup_stores_the_last_keystroke(app):
    signal_flushes_last_keystroke(app, signal.SIGHUP)


def sigint_stores_the_last_keystroke(app):
    signal_flushes_last_keystroke(app, signal.SIGINT)


def ctrl_q_stores_and_leaves_no_wal(app):
    profile, family_name = open_profile(app)
    set_text(find(profile, 'text', 'Strengths'), 'Patient with younger students')
    app.refocus()
    key('<Control>q')
    wait_for_exit(app)
    assert_one_complete_file(app)
    rows = app.query('SELECT strengths FROM student WHERE family_name = ?', family_name)
    if not rows or rows[0]['strengths'] != 'Patient with younger students':
        raise Failure('after Ctrl+Q the strengths are %r' % (rows and rows[0]['strengths']))


def escape_on_who_is_using_quits(app):
    """(Starts with no editor set: Escape on the first question ends Trellis, unsigned nothing.)"""
    before = app.query('SELECT count(*) AS n FROM history')[0]['n']
    dialog = app.window('dialog', 'Who Is Using Trellis?')
    find(dialog, 'push button', 'Quit')
    app.refocus()
    key('Escape')
    status = wait_for_exit(app)
    if status != 0:
        raise Failure('Trellis ended with status %d' % status)
    after = app.query('SELECT count(*) AS n FROM history')[0]['n']
    if after != before:
        raise Failure('%d changes were stored without a name' % (after - before))


CASES = [
    sigterm_100_ms_after_the_last_keystroke_stores_it,
    sighup_stores_the_last_keystroke,
    sigint_stores_the_last_keystroke,
    ctrl_q_stores_and_leaves_no_wal,
    escape_on_who_is_using_quits,
]

if __name__ == '__main__':
    main(CASES)
