//! A sealed environment for running the real `kiroku` binary: a temporary
//! folder as HOME and working directory, a cleared environment, a fixed
//! time zone (Asia/Tokyo) and terminal width, and a case file path.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

pub struct TestEnv {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl TestEnv {
    /// An environment with no case file yet.
    pub fn empty() -> TestEnv {
        let dir = tempfile::Builder::new()
            .prefix("kiroku-test")
            .tempdir()
            .unwrap();
        std::fs::create_dir(dir.path().join("home")).unwrap();
        let db = dir.path().join("case.sqlite");
        TestEnv { dir, db }
    }

    /// An environment with an initialised case file (Asia/Tokyo).
    pub fn new() -> TestEnv {
        let env = TestEnv::empty();
        env.ok(&["init", "--title", "テスト事件", "--tz", "Asia/Tokyo"]);
        env
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `kiroku` with a cleared environment, using this env's case file.
    pub fn cmd(&self) -> Command {
        let mut c = self.bare_cmd();
        c.env("KIROKU_DB", &self.db);
        c
    }

    /// `kiroku` with a cleared environment and no case file chosen (the
    /// default path under the temporary HOME applies).
    pub fn bare_cmd(&self) -> Command {
        let mut c = Command::cargo_bin("kiroku").unwrap();
        c.env_clear()
            .env("HOME", self.path().join("home"))
            .env("TZ", "Asia/Tokyo")
            .env("LANG", "C.UTF-8")
            .env("COLUMNS", "120")
            .current_dir(self.path())
            .timeout(std::time::Duration::from_secs(60));
        c
    }

    /// Runs kiroku and asserts success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "kiroku {args:?} failed with {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs kiroku, asserts the exit code, returns (stdout, stderr).
    pub fn fails(&self, args: &[&str], code: i32) -> (String, String) {
        let out = self.cmd().args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "kiroku {args:?}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// Runs kiroku with `--json` output and parses it.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// Opens the case file directly, for tamper tests.
    pub fn sqlite(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).unwrap()
    }
}

/// Asserts that stderr is one line of the documented error form.
pub fn assert_one_error_line(stderr: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one error line, got: {stderr}");
    assert!(lines[0].starts_with("error: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
