//! How the program is built for a quick start (see build.rs).

/// On Linux with glibc the program is linked at a fixed address, so that
/// the dynamic loader has no relocations to apply at each start: its ELF
/// type is an executable (`ET_EXEC`), not a position-independent one
/// (`ET_DYN`). Built with `KIROKU_PIE=1`, it is a PIE on purpose.
#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn the_program_is_not_position_independent() {
    let bytes = std::fs::read(env!("CARGO_BIN_EXE_kiroku")).expect("the built program");
    assert_eq!(&bytes[..4], b"\x7fELF");
    let e_type = match bytes[5] {
        2 => u16::from_be_bytes([bytes[16], bytes[17]]),
        _ => u16::from_le_bytes([bytes[16], bytes[17]]),
    };
    let pie_wanted = option_env!("KIROKU_PIE").is_some_and(|v| !v.is_empty() && v != "0");
    let (exec, dyn_) = (2, 3);
    assert_eq!(e_type, if pie_wanted { dyn_ } else { exec });
}
