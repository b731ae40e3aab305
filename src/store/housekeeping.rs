//! Housekeeping kept in the case file outside the chain (migration 6):
//! the last backup and the last reminder to make one. Never part of the
//! record; a file opened read-only at an older schema has none.

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

use super::Case;
use crate::error::Result;
use crate::timeparse;

impl Case {
    fn housekeeping_get(&self, key: &str) -> Result<Option<String>> {
        let has = self
            .conn
            .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'housekeeping'")?
            .exists([])?;
        if !has {
            return Ok(None);
        }
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM housekeeping WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn housekeeping_set(&self, pairs: &[(&str, String)]) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        for (k, v) in pairs {
            tx.execute(
                "INSERT OR REPLACE INTO housekeeping (key, value) VALUES (?1, ?2)",
                rusqlite::params![k, v],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// When the last backup was made and how many entries it held.
    pub fn last_backup(&self) -> Result<Option<(DateTime<Utc>, u64)>> {
        let at = self
            .housekeeping_get("backup_at")?
            .and_then(|s| timeparse::parse_stored(&s))
            .map(|d| d.with_timezone(&Utc));
        let entries = self
            .housekeeping_get("backup_entries")?
            .and_then(|s| s.parse().ok());
        Ok(at.zip(entries))
    }

    /// Notes a finished backup of `entries` entries.
    pub fn note_backup(&self, at: DateTime<Utc>, entries: u64) -> Result<()> {
        self.housekeeping_set(&[
            ("backup_at", timeparse::format_utc_millis(&at)),
            ("backup_entries", entries.to_string()),
        ])
    }

    /// When a reminder to back up was last shown.
    pub fn last_reminder(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .housekeeping_get("reminded_at")?
            .and_then(|s| timeparse::parse_stored(&s))
            .map(|d| d.with_timezone(&Utc)))
    }

    /// Notes that a reminder was shown.
    pub fn note_reminder(&self, at: DateTime<Utc>) -> Result<()> {
        self.housekeeping_set(&[("reminded_at", timeparse::format_utc_millis(&at))])
    }
}
