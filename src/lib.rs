//! kiroku (記録, "record"): a tamper-evident, append-only record of unwanted
//! contact attempts, kept in one SQLite case file and hash-chained.
//!
//! The binary is a thin wrapper around [`cli::run`]; the parts that do not
//! touch the terminal are plain library modules with their own unit tests.

pub mod address;
pub mod backup;
pub mod canonical;
pub mod chain;
pub mod cli;
pub mod error;
pub mod evidence;
pub mod export;
pub mod fasttime;
pub mod i18n;
pub mod import;
pub mod model;
pub mod output;
pub mod receipt;
pub mod sanitize;
pub mod stats;
pub mod store;
pub mod table;
pub mod timeparse;
pub mod tsp;
pub mod verify;
pub mod view;
