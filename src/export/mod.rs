//! Exports of the record.

pub mod jsonl;
