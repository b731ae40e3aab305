// The message catalogue is compiled into the binary by a macro that does
// not tell cargo which files it read: rebuild when any of them changes.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
