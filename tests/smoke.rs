mod common;
use common::TestEnv;

#[test]
fn add_then_verify() {
    let env = TestEnv::new();
    let out = env.ok(&["add", "phone", "--from", "山田", "--at", "2026-11-20 14:32"]);
    assert!(out.starts_with("Recorded entry 1: phone"), "{out}");
    assert!(env.ok(&["verify"]).starts_with("OK"));
}
