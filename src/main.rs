use clap::Parser;

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
