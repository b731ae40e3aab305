//! Permissions: a case file is created owner-only (0600), and the folder
//! kiroku makes for the default case file owner-only (0700), whatever the
//! umask; an existing case file that others may read draws a warning.

mod common;
mod reliability_support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::TestEnv;
use reliability_support::*;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn init_creates_the_case_file_owner_only_whatever_the_umask() {
    let env = TestEnv::empty();
    let mut cmd = child_cmd(&env);
    cmd.args(["init", "--title", "事件"]);
    with_umask(&mut cmd, 0);
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&env.db), 0o600);
    // No temporary file is left beside it.
    assert_eq!(
        files_in(env.path()),
        vec![env.db.clone(), env.path().join("home")]
    );
}

#[test]
fn the_default_case_file_and_its_folder_are_owner_only() {
    let env = TestEnv::empty();
    let mut cmd = child_cmd(&env);
    cmd.env_remove("KIROKU_DB")
        .args(["add", "phone", "--from", "山田"]);
    with_umask(&mut cmd, 0o002);
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("created a new case file"), "{stderr}");
    let dir = env.path().join("home/.local/share/kiroku");
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("kiroku.sqlite")), 0o600);
}

#[test]
fn a_case_file_others_may_read_draws_a_warning() {
    let env = TestEnv::new();
    let quiet = env.cmd().args(["add", "phone"]).output().unwrap();
    assert!(quiet.status.success());
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
    for m in [0o644, 0o640, 0o604] {
        std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(m)).unwrap();
        for args in [&["list"][..], &["add", "sms"], &["verify"]] {
            let out = env.cmd().args(args).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{args:?}: {stderr}");
            assert!(
                stderr.starts_with("warning: ") && stderr.contains("chmod 600"),
                "mode {m:o}, {args:?}: {stderr}"
            );
        }
    }
    // kiroku warns but never changes the mode itself.
    assert_eq!(mode(&env.db), 0o604);
}
