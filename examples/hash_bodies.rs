//! Hashes every line of a file as `verify` hashes an entry body
//! (`kiroku::chain::entry_hash`), for comparing kiroku's SHA-256 with
//! `openssl dgst -sha256` on the same bytes (see bench/run.sh).
//!
//! ```text
//! cargo run --release --example hash_bodies -- BODIES.txt
//! ```

use std::io::BufRead;

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).expect("usage: hash_bodies FILE");
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let (mut lines, mut bytes, mut last) = (0u64, 0u64, String::new());
    for line in file.lines() {
        let line = line?;
        bytes += line.len() as u64;
        lines += 1;
        last = kiroku::chain::entry_hash(&line);
    }
    println!("{lines} bodies, {bytes} bytes, last hash {last}");
    Ok(())
}
