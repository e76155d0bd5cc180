import ArgumentParser

/// The conformance measurement: `run` (the whole of `.ci/conformance`, figures 1–7), and its steps
/// on files: `score` (figures 1–4, the default), `harness` (the round-trip and replay sources of
/// figures 5–6), `roundtrip` (figure 5's judging), `replay-input` and `replay-judge` (figure 6),
/// `ratchet` (figure 7), `pagination-coverage`.
@main
struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datadog-codegen-conformance",
        abstract: "Conformance of datadog-codegen against the official truth files and recorded traffic (.ci/conformance).",
        subcommands: [RunCommand.self, ScoreCommand.self, HarnessCommand.self, RoundTripCommand.self, RatchetCommand.self,
                      PaginationCoverageCommand.self, ReplayInputCommand.self, ReplayJudgeCommand.self, SpelledNamesCommand.self],
        defaultSubcommand: ScoreCommand.self)
}
