//! Two processes appending at the same time never fork the chain or reuse
//! a number: each append reads the head inside BEGIN IMMEDIATE.

mod common;

use common::TestEnv;

#[test]
fn two_writers_of_200_entries_each() {
    let env = TestEnv::new();
    const EACH: usize = 200;
    std::thread::scope(|s| {
        for writer in ["A", "B"] {
            let env = &env;
            s.spawn(move || {
                for i in 0..EACH {
                    let out = env
                        .std_cmd()
                        .args(["note", &format!("writer {writer} note {i}"), "--json"])
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "writer {writer} #{i}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            });
        }
    });
    let items = env.json(&["list", "--json"]);
    let mut seqs: Vec<u64> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["seq"].as_u64().unwrap())
        .collect();
    seqs.sort();
    assert_eq!(seqs, (1..=(2 * EACH) as u64).collect::<Vec<_>>());
    for writer in ["A", "B"] {
        let n = items
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| {
                i["content"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("writer {writer} "))
            })
            .count();
        assert_eq!(n, EACH);
    }
    let report = env.json(&["verify", "--json"]);
    assert_eq!(report["intact"], true);
    assert_eq!(report["entries"], 2 * EACH);
}
