fn main() {
    std::process::exit(kiroku::cli::main());
}
