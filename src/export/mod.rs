//! Exports of the record.

pub mod bundle;
pub mod csv;
pub mod exhibits;
pub mod jsonl;
pub mod lang;
pub mod pdf;
pub mod timeline;
pub mod timestamps;
pub mod when;
pub mod xlsx;
