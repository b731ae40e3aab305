//! Shared by the `reliability_*` tests: running the real binary as a child
//! process that can be killed, run as another user or under limits; a
//! seeded random source; and reading a case file directly.
#![allow(dead_code)]

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::TestEnv;

/// Set to 1 to run without root: the tests that need `mount`, `chattr` or
/// `setuid` then say so and pass without checking anything. Unset (as in
/// CI, which runs as root), a missing privilege fails the test.
pub const UNPRIVILEGED_OPT_OUT: &str = "KIROKU_TEST_UNPRIVILEGED";

/// Whether tests needing root may be skipped; panics when root is missing
/// and the opt-out is not set.
pub fn require_root(what: &str) -> bool {
    if unsafe { libc::geteuid() } == 0 {
        return true;
    }
    if std::env::var(UNPRIVILEGED_OPT_OUT).as_deref() == Ok("1") {
        eprintln!("SKIPPED (not root, {UNPRIVILEGED_OPT_OUT}=1): {what}");
        return false;
    }
    panic!("{what} needs root; run the tests as root or set {UNPRIVILEGED_OPT_OUT}=1 to skip it");
}

/// `kiroku` as a plain child process, with the same sealed environment
/// as `TestEnv::cmd` (which cannot be killed halfway or run as another
/// user).
pub fn child_cmd(env: &TestEnv) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kiroku"));
    c.env_clear()
        .env("HOME", env.path().join("home"))
        .env("TZ", "Asia/Tokyo")
        .env("LANG", "C.UTF-8")
        .env("COLUMNS", "120")
        .env("KIROKU_DB", &env.db)
        .current_dir(env.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Runs the child as user and group `id` (e.g. 65534, nobody).
pub fn as_user(cmd: &mut Command, id: u32) -> &mut Command {
    cmd.uid(id).gid(id)
}

/// Limits the size of any file the child writes to `bytes`; a write past
/// it fails with EFBIG instead of killing the process (SIGXFSZ ignored).
pub fn with_file_size_limit(cmd: &mut Command, bytes: u64) -> &mut Command {
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: bytes as libc::rlim_t,
                rlim_max: bytes as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        })
    }
}

/// Sets the child's umask.
pub fn with_umask(cmd: &mut Command, mask: u32) -> &mut Command {
    unsafe {
        cmd.pre_exec(move || {
            libc::umask(mask as libc::mode_t);
            Ok(())
        })
    }
}

/// A small seeded generator (SplitMix64). The seed comes from
/// `KIROKU_TEST_SEED` or the clock and is printed, so a failure can be
/// replayed.
pub struct Rng(u64);

impl Rng {
    pub fn from_env(test: &str) -> Rng {
        let seed = std::env::var("KIROKU_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        eprintln!("{test}: KIROKU_TEST_SEED={seed}");
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// One stored row, read directly.
#[derive(Debug, Clone)]
pub struct Row {
    pub seq: i64,
    pub hash: String,
    pub body: String,
}

pub fn rows(db: &Path) -> Vec<Row> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare("SELECT seq, hash, body FROM entries ORDER BY seq")
        .unwrap();
    stmt.query_map([], |r| {
        Ok(Row {
            seq: r.get(0)?,
            hash: r.get(1)?,
            body: r.get(2)?,
        })
    })
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}

/// `PRAGMA integrity_check` must say "ok".
pub fn assert_integrity(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let result: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(result, vec!["ok".to_string()], "integrity_check");
}

/// Numbers run 1..=N without a gap.
pub fn assert_no_gap(rows: &[Row]) {
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r.seq, i as i64 + 1, "numbers must run 1..N without gaps");
    }
}

/// The entry number and hash printed by a recording command
/// ("Recorded entry N: …" then "hash H").
pub fn acknowledged(stdout: &str) -> Option<(i64, String)> {
    let mut lines = stdout.lines();
    let first = lines.next()?;
    let seq = first
        .strip_prefix("Recorded entry ")?
        .split(':')
        .next()?
        .parse()
        .ok()?;
    let hash = lines.next()?.strip_prefix("hash ")?.to_string();
    (hash.len() == 64).then_some((seq, hash))
}

/// Every file in a folder, by name (to show nothing else was written).
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// A tmpfs of `size` bytes mounted on a fresh folder inside `parent`;
/// unmounted when dropped.
pub struct Tmpfs {
    pub dir: PathBuf,
}

impl Tmpfs {
    pub fn mount(parent: &Path, size: u64) -> Tmpfs {
        let dir = parent.join("tmpfs");
        std::fs::create_dir(&dir).unwrap();
        run_ok(
            Command::new("mount")
                .args(["-t", "tmpfs", "-o"])
                .arg(format!("size={size},mode=0755"))
                .arg("tmpfs")
                .arg(&dir),
        );
        Tmpfs { dir }
    }

    pub fn remount_read_only(&self) {
        run_ok(
            Command::new("mount")
                .args(["-o", "remount,ro"])
                .arg(&self.dir),
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}

pub fn run_ok(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
