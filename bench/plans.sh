#!/usr/bin/env bash
# Query plans of the thread page and the thread list on a database built by bench/load.sh
# (or `kindred demo --scale N`):  bench/plans.sh sqlite:///tmp/kindred-bench/sqlite-1000000.db
#                                 bench/plans.sh postgres://postgres@127.0.0.1:5432/kindred_bench
# The statements are the ones the server runs (diesel's SQL, with the ids filled in).
set -euo pipefail
URL=$1
THREAD=${THREAD:-11}   # the 500-post benchmark thread
GROUP=${GROUP:-1}
TREE="SELECT posts.*, users.username, post_notes.note_html, post_notes.author_role,
  post_notes.created_at, post_notes.updated_at, post_crisis.status, users.role, users.clinician_specialty
  FROM posts LEFT OUTER JOIN users ON posts.author_id = users.id
  LEFT OUTER JOIN post_notes ON post_notes.post_id = posts.id
  LEFT OUTER JOIN post_crisis ON post_crisis.post_id = posts.id
  WHERE posts.thread_id = $THREAD ORDER BY posts.path ASC"
LIST="SELECT threads.*, users.username FROM threads LEFT OUTER JOIN users ON threads.author_id = users.id
  WHERE threads.group_id = $GROUP AND threads.status = 'published'
  ORDER BY threads.pinned DESC, threads.last_activity_at DESC, threads.id DESC LIMIT 30"
# A member also sees their own unpublished threads, read apart through their author index.
OWN="SELECT threads.*, users.username FROM threads LEFT OUTER JOIN users ON threads.author_id = users.id
  WHERE threads.author_id = ${MEMBER:-1} AND (threads.group_id + 0) = $GROUP AND threads.status != 'published'
  ORDER BY threads.pinned DESC, threads.last_activity_at DESC, threads.id DESC LIMIT 30"
# A reply without a parent answers the opening post, found without reading the replies.
OPENING="SELECT posts.* FROM posts WHERE posts.thread_id = $THREAD AND posts.parent_id IS NULL
  ORDER BY posts.path ASC LIMIT 1"
case $URL in
  sqlite://*)
    DB=${URL#sqlite://}
    for q in "$TREE" "$LIST" "$OWN" "$OPENING"; do echo "EXPLAIN QUERY PLAN $q;"; sqlite3 "$DB" "EXPLAIN QUERY PLAN $q;"; echo; done ;;
  postgres*)
    for q in "$TREE" "$LIST" "$OWN" "$OPENING"; do psql -X -q "$URL" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING ON, SUMMARY ON) $q"; done ;;
esac
