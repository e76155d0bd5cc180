import ArgumentParser

/// `.ci/conformance`'s Swift side: `score` (figures 1–4, the default), `harness` (the round-trip
/// and replay sources of figures 5–6), `roundtrip` (figure 5's judging) and `ratchet` (figure 7).
@main
struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datadog-codegen-conformance",
        abstract: "Conformance of datadog-codegen against the official truth files and recorded traffic (.ci/conformance).",
        subcommands: [ScoreCommand.self, HarnessCommand.self, RoundTripCommand.self, RatchetCommand.self,
                      PaginationCoverageCommand.self, SpelledNamesCommand.self],
        defaultSubcommand: ScoreCommand.self)
}
