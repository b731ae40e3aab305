//! Exports of the record.

pub mod bundle;
pub mod csv;
pub mod jsonl;
pub mod lang;
pub mod pdf;
pub mod timeline;
pub mod timestamps;
