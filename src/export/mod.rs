//! Exports of the record.

pub mod jsonl;
pub mod timestamps;
