//! The forum's health for admins: the open queue, how fast reports are decided, posts held for PHI
//! and new members per week, clinician applications waiting. Five queries on either database:
//! times within the last eight weeks are fetched and bucketed here, since the two dialects bucket
//! dates differently.

use serde::Serialize;
use time::PrimitiveDateTime;

use crate::auth::accounts::require_role;
use crate::db::health as reads;
use crate::db::users::UserRow;
use crate::db::{now, AnyConnection};
use crate::domain::Role;
use crate::error::AppError;
use crate::state::AppState;

pub const WEEKS: usize = 8;

/// One week's count, oldest first; `starts` is the week's first day ("16 Nov").
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct Week {
    pub starts: String,
    pub count: i64,
}

#[derive(Serialize, Debug, Clone)]
pub struct Health {
    /// Held posts and posts with open reports, not deleted.
    pub open_queue: i64,
    /// Median time from a report to its decision, over reports decided in the last eight weeks.
    pub median_report_to_decision_seconds: Option<i64>,
    /// The same, as people read it ("3 h 5 min").
    pub median_report_to_decision: Option<String>,
    pub decided_reports: usize,
    pub phi_holds_per_week: Vec<Week>,
    pub new_members_per_week: Vec<Week>,
    pub clinician_applications_pending: i64,
    /// What the database's operator should fix, in words (PostgreSQL without autovacuum).
    pub database_warnings: Vec<String>,
}

const AUTOVACUUM_OFF: &str = "PostgreSQL's autovacuum is off: nothing gathers the statistics the \
     query planner needs or clears dead rows, and lists slow down as the forum grows. Turn it on \
     (autovacuum = on, track_counts = on), or run VACUUM ANALYZE regularly.";

pub async fn health(state: &AppState, admin: &UserRow) -> Result<Health, AppError> {
    require_role(admin, Role::Admin)?;
    state.db.run(|conn| compute(conn, now())).await
}

pub fn compute(conn: &mut AnyConnection, at: PrimitiveDateTime) -> Result<Health, AppError> {
    let since = at - time::Duration::weeks(WEEKS as i64);
    let open_queue = reads::open_queue(conn)?;
    let mut waits: Vec<i64> = reads::decided_reports(conn, since)?
        .into_iter()
        .filter_map(|d| {
            d.resolved_at
                .map(|r| (r - d.created_at).whole_seconds().max(0))
        })
        .collect();
    let held = reads::phi_holds(conn, since)?;
    let joined = reads::joined(conn, since)?;
    let pending = reads::pending_applications(conn)?;
    let database_warnings = if reads::autovacuum_off(conn)? {
        vec![AUTOVACUUM_OFF.to_owned()]
    } else {
        Vec::new()
    };
    let median = median(&mut waits);
    Ok(Health {
        open_queue,
        median_report_to_decision_seconds: median,
        median_report_to_decision: median.map(duration_text),
        decided_reports: waits.len(),
        phi_holds_per_week: per_week(&held, at),
        new_members_per_week: per_week(&joined, at),
        clinician_applications_pending: pending,
        database_warnings,
    })
}

/// The middle value (the mean of the two middle ones for an even count).
pub fn median(values: &mut [i64]) -> Option<i64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => values.get(n / 2).copied(),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2),
    }
}

pub fn duration_text(secs: i64) -> String {
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
    match (d, h) {
        (0, 0) if m == 0 => format!("{secs} s"),
        (0, 0) => format!("{m} min"),
        (0, _) => format!("{h} h {m} min"),
        _ => format!("{d} d {h} h"),
    }
}

/// Counts per calendar week (Monday to Sunday, UTC) over the eight weeks up to `at`, oldest first;
/// the last is the week so far, so "Week starting 23 Nov" holds what happened since that Monday.
pub fn per_week(times: &[PrimitiveDateTime], at: PrimitiveDateTime) -> Vec<Week> {
    let week = time::Duration::weeks(1);
    let monday =
        at.date() - time::Duration::days(i64::from(at.weekday().number_days_from_monday()));
    let start = monday.midnight() - week * (WEEKS as i32 - 1);
    let mut counts = [0i64; WEEKS];
    for t in times {
        if *t < start || *t > at {
            continue;
        }
        let i = ((*t - start).whole_days() / 7) as usize;
        if let Some(c) = counts.get_mut(i.min(WEEKS - 1)) {
            *c += 1;
        }
    }
    counts
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let d = (start + week * i as i32).date();
            let month = d.month().to_string();
            Week {
                starts: format!("{} {}", d.day(), &month[..3]),
                count,
            }
        })
        .collect()
}

/// A bar of the server-drawn chart: geometry in SVG user units, and the text a screen reader
/// and a hover show.
#[derive(Serialize, Debug, Clone)]
pub struct Bar {
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
    pub label_x: i64,
    pub starts: String,
    pub count: i64,
}

/// Chart size, in SVG user units.
pub const CHART_WIDTH: i64 = 400;
pub const CHART_HEIGHT: i64 = 120;

/// Bars for a week series, scaled to the tallest week (drawn as `<rect>` with presentation
/// attributes only, so the page's CSP holds).
pub fn bars(weeks: &[Week]) -> Vec<Bar> {
    let max = weeks.iter().map(|w| w.count).max().unwrap_or(0).max(1);
    let slot = CHART_WIDTH / weeks.len().max(1) as i64;
    let plot = CHART_HEIGHT - 20;
    weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let height = w.count * plot / max;
            Bar {
                x: i as i64 * slot + 4,
                y: plot - height,
                width: slot - 8,
                height,
                label_x: i as i64 * slot + slot / 2,
                starts: w.starts.clone(),
                count: w.count,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5, 1, 3]), Some(3));
        assert_eq!(median(&mut [10, 2, 4, 8]), Some(6));
    }

    #[test]
    fn times_fall_into_their_calendar_week_oldest_first() {
        // Wednesday 25 November: this week began on Monday the 23rd.
        let at = datetime!(2026-11-25 12:00);
        let weeks = per_week(
            &[
                datetime!(2026-11-25 11:00),
                datetime!(2026-11-23 00:00),
                datetime!(2026-11-22 23:59),
                datetime!(2026-11-10 12:00),
                datetime!(2026-10-04 23:00),
            ],
            at,
        );
        assert_eq!(weeks.len(), WEEKS);
        let counts: Vec<i64> = weeks.iter().map(|w| w.count).collect();
        assert_eq!(counts, [0, 0, 0, 0, 0, 1, 1, 2]);
        assert_eq!(weeks[7].starts, "23 Nov");
        assert_eq!(weeks[0].starts, "5 Oct");
    }

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration_text(3 * 3600 + 5 * 60), "3 h 5 min");
        assert_eq!(duration_text(90), "1 min");
        assert_eq!(duration_text(2 * 86_400 + 3600), "2 d 1 h");
    }
}
