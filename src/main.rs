fn main() -> std::process::ExitCode {
    kubectl_backup::cli::main()
}
