use clap::Parser;

// glibc's malloc was a fifth of a thread page's CPU under load (arena locks shared by the worker
// and database threads, and consolidating the freed chunks of each answer); mimalloc's per-thread
// heaps cost a fraction of that. See BENCHMARKS.md.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let Err(e) = kindred::config::load_config_file(&args) {
        eprintln!("kindred: {e:#}");
        return std::process::ExitCode::from(2);
    }
    let cli = kindred::cli::Cli::parse();
    match kindred::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kindred: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
